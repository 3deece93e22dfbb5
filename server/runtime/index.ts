// Public entry of the process runtime helpers: singletons shared across Next's bundles and rate limits (more join
// here: log-once, memo/LRU).
export { processSingleton, dropProcessSingleton } from './singleton';
export { rateLimit, rateLimitMemo, type Limit } from './rate-limit';
