// Public entry of the cache domain: the tag registry and the one way to expire tags.
export { cacheTags, cacheLifetimes, tagsForProductChange } from './tags';
export { expireTags } from './tag-store.mjs';
export { getRedis, waitForRedis, closeRedis } from './redis-connection.mjs';
