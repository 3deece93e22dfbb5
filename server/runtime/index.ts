// Public entry of the process runtime helpers: singletons shared across Next's bundles, saying an outage once, and
// short-lived memos on lru-cache.
export { processSingleton, dropProcessSingleton } from './singleton';
export { logOnce } from './log-once';
export { ttlMemo } from './memo';
export { seededRandom, hashString, type Random } from './seeded-random';
