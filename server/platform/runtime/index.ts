// Public entry of the process runtime helpers: singletons shared across Next's bundles, rate limits, the one retry
// policy, short-lived memos on lru-cache and the one seeded random generator. It logs nothing itself (the logger
// sits above it, in ../observability), so every layer may use it.

export { concurrencyCap } from './concurrency-cap';
export { ttlMemo } from './memo';
export { type Limit, rateLimit, rateLimitMemo } from './rate-limit';
export { backoffDelayMs, equalJitterDelayMs, type RetryPolicy, sleep, withRetry } from './retry';
export { hashString, type Random, seededRandom } from './seeded-random';
export { semaphore } from './semaphore';
export { dropProcessSingleton, processSingleton } from './singleton';
