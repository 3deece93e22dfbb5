import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { getRedis, waitForRedis } from '../cache';
import { processSingleton } from './singleton';

// The one rate limiter of the server, on rate-limiter-flexible. A limit is a fixed window of `points` per
// `durationSeconds` for each key. The window lives in Redis (RateLimiterRedis over the app's one ioredis connection)
// so every instance shares it; when Redis is absent, not yet connected, or fails mid-command, the in-process
// RateLimiterMemory answers instead (its insurance limiter). Redis is a cache, never required (ADR 0002): without it
// a limit is per instance, so N instances allow up to N times the points until Redis is back.

type LimitRule = { points: number; durationSeconds: number };

type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type Limit = {
  /** Counts one against `key`; refused (not counted further in effect) once the key has used its points. */
  take(key: string): Promise<LimitVerdict>;
  /** Gives one back: the attempt taken turned out not to count (a correct password, an outage). */
  giveBack(key: string): Promise<void>;
  /** Whether `key` has used its points, without counting. */
  exhausted(key: string): Promise<LimitVerdict>;
  /** Forgets `key`'s window: what it counted no longer exists (a new reset code replaces the guessed one). */
  clear(key: string): Promise<void>;
  /** Points `key` has used in its current window (0 when it has none): scoring reads velocity without limiting. */
  count(key: string): Promise<number>;
};

/** A remembered fact with an expiry, in the same stores ("this address signed in to this account lately"). */
type Memo = {
  remember(key: string, seconds: number): Promise<void>;
  has(key: string): Promise<boolean>;
};

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

// A cold process has no Redis connection yet: its first counts would land in memory only and the shared window
// would miss them (a card tester's first decline, say). The first use waits this long for the connection, once.
const COLD_START_WAIT_MS = 500;

/** Both stores for one key prefix: Redis when connected (insured by memory), memory otherwise. */
function stores(keyPrefix: string, rule: LimitRule): () => Promise<RateLimiterAbstract> {
  const options = { keyPrefix, points: rule.points, duration: rule.durationSeconds };
  const memory = new RateLimiterMemory(options);
  const byClient = new WeakMap<Redis, RateLimiterRedis>();
  let warm = false;
  return async () => {
    const client = warm ? getRedis() : await waitForRedis(COLD_START_WAIT_MS);
    warm = true;
    if (!client) return memory;
    let limiter = byClient.get(client);
    if (!limiter) {
      limiter = new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: memory, rejectIfRedisNotReady: true });
      byClient.set(client, limiter);
    }
    return limiter;
  };
}

function createLimit(name: string, rule: LimitRule): Limit {
  const limiter = stores(`sf:rl:${name}`, rule);
  return {
    async take(key) {
      try {
        await (await limiter()).consume(key);
        return { allowed: true };
      } catch (res) {
        if (res instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(res) };
        throw res;
      }
    },
    async giveBack(key) {
      await (await limiter()).reward(key);
    },
    async exhausted(key) {
      const res = await (await limiter()).get(key);
      return res && res.consumedPoints >= rule.points ? { allowed: false, retryAfterSeconds: retryAfter(res) } : { allowed: true };
    },
    async clear(key) {
      await (await limiter()).delete(key);
    },
    async count(key) {
      return (await (await limiter()).get(key))?.consumedPoints ?? 0;
    },
  };
}

/**
 * The limit called `name` (its keys are `sf:rl:<name>:<key>` in Redis), one per process: Next's route bundles are
 * separate module graphs, and each must count into the same in-process window when Redis is down.
 */
export function rateLimit(name: string, rule: LimitRule): Limit {
  return processSingleton(`rate-limit:${name}:${rule.points}/${rule.durationSeconds}`, () => createLimit(name, rule));
}

/** A memo called `name`, one per process, in the same two stores. */
export function rateLimitMemo(name: string, maxSeconds: number): Memo {
  return processSingleton(`rate-limit-memo:${name}`, () => {
    const limiter = stores(`sf:rl:${name}`, { points: 1, durationSeconds: maxSeconds });
    return {
      async remember(key, seconds) {
        await (await limiter()).set(key, 1, Math.min(seconds, maxSeconds));
      },
      async has(key) {
        return ((await (await limiter()).get(key))?.consumedPoints ?? 0) > 0;
      },
    };
  });
}
