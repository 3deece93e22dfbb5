// Public entry of the cache domain: the tag registry and the one way to expire tags. 'use cache' functions set
// their tags and lifetime with applyCacheProfile from './cache-profile' (kept out of here: it loads next/cache).

export { closeRedis, getRedis, waitForRedis } from './redis-connection.mjs';
export { expireTags } from './tag-store.mjs';
export { cacheTags, tagsForProductChange } from './tags';
