// Public entry of the process runtime helpers: singletons shared across Next's bundles, rate limits, saying an
// outage once, short-lived memos on lru-cache and the one seeded random generator.

export { logOnce } from './log-once';
export { ttlMemo } from './memo';
export { type Limit, rateLimit, rateLimitMemo } from './rate-limit';
export { hashString, type Random, seededRandom } from './seeded-random';
export { dropProcessSingleton, processSingleton } from './singleton';
