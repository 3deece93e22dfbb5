// Public entry of the process runtime helpers: singletons shared across Next's bundles, rate limits, saying an
// outage once, short-lived memos on lru-cache and the one seeded random generator.
export { processSingleton, dropProcessSingleton } from './singleton';
export { rateLimit, rateLimitMemo, type Limit } from './rate-limit';
export { logOnce } from './log-once';
export { ttlMemo } from './memo';
export { seededRandom, hashString, type Random } from './seeded-random';
