import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { getRedis } from '../cache';
import { AppError } from '../errors';

// Sign-in throttling, two fixed windows:
//   per account: attempts not followed by a success (default 5 per 15 min) — stops password guessing against one
//     shopper; a successful sign-in clears it, so a shopper who finally remembers is not locked out afterwards;
//   per IP: every attempt (default 20 per 5 min) — stops one client spraying passwords across many accounts.
// Counters live in Redis (INCR with the window as TTL) so every instance shares them. When Redis is absent or down
// they fall back to an in-process window, which is per instance: N instances allow up to N times the limit. That is
// the accepted trade (ADR 0002: Redis is an accelerator); Cognito's own throttling (LimitExceeded → 429) remains.

export type WindowLimit = { max: number; windowSeconds: number };
export type SignInLimits = { perAccount: WindowLimit; perIp: WindowLimit };

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAccount: { max: 5, windowSeconds: 15 * 60 },
  perIp: { max: 20, windowSeconds: 5 * 60 },
};

export type WindowCount = { count: number; resetInSeconds: number };

/** A fixed-window counter store. */
export interface CounterStore {
  /** Adds one to the key's window, starting a window of `windowSeconds` when there is none. */
  increment(key: string, windowSeconds: number): Promise<WindowCount>;
  reset(key: string): Promise<void>;
}

/** In-process fixed windows; the fallback, and the store the unit tests drive with a fake clock. */
export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, { count: number; endsAtMs: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    // A flood of distinct keys (one per guessed email) must not grow memory without bound.
    private readonly maxKeys = 50_000,
  ) {}

  private live(key: string): { count: number; endsAtMs: number } | undefined {
    const window = this.windows.get(key);
    if (window && window.endsAtMs <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.endsAtMs <= now) this.windows.delete(key);
    // Still full of live windows: drop the oldest-inserted ones (Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }

  private counted(window: { count: number; endsAtMs: number }): WindowCount {
    return { count: window.count, resetInSeconds: Math.max(1, Math.ceil((window.endsAtMs - this.now()) / 1000)) };
  }

  async increment(key: string, windowSeconds: number): Promise<WindowCount> {
    let window = this.live(key);
    if (!window) {
      if (this.windows.size >= this.maxKeys) this.prune();
      window = { count: 0, endsAtMs: this.now() + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return this.counted(window);
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }
}

/** Redis fixed windows: SET NX EX opens the window, INCR counts inside it (INCR keeps the TTL). */
export class RedisCounterStore implements CounterStore {
  constructor(private readonly redis: Redis) {}

  async increment(key: string, windowSeconds: number): Promise<WindowCount> {
    const results = await this.redis.multi().set(key, '0', 'EX', windowSeconds, 'NX').incr(key).ttl(key).exec();
    const count = Number(results?.[1]?.[1]);
    const ttl = Number(results?.[2]?.[1]);
    if (!Number.isFinite(count)) throw new Error('Redis INCR returned no count');
    return { count, resetInSeconds: ttl > 0 ? ttl : windowSeconds };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(key);
  }
}

/** Redis when it is connected, the in-process store otherwise — including when a Redis command fails mid-flight. */
export class FallbackCounterStore implements CounterStore {
  constructor(
    private readonly redis: () => Redis | null,
    private readonly memory: CounterStore = new MemoryCounterStore(),
  ) {}

  private async run<T>(op: (store: CounterStore) => Promise<T>): Promise<T> {
    const client = this.redis();
    if (client) {
      try {
        return await op(new RedisCounterStore(client));
      } catch {
        // Fall through: a Redis hiccup must neither fail a sign-in nor lift the limit entirely.
      }
    }
    return op(this.memory);
  }

  increment(key: string, windowSeconds: number): Promise<WindowCount> {
    return this.run((s) => s.increment(key, windowSeconds));
  }
  reset(key: string): Promise<void> {
    return this.run((s) => s.reset(key));
  }
}

function rateLimited(resetInSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(resetInSeconds));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError('RATE_LIMITED', `Too many sign-in attempts. Try again in ${wait}.`, {
    headers: { 'Retry-After': String(seconds) },
  });
}

// Emails are hashed so Redis never holds them; the prefix keeps these keys apart from the cache's.
function accountKey(email: string): string {
  return `sf:rl:sign-in:account:${createHash('sha256').update(email.toLowerCase()).digest('base64url').slice(0, 32)}`;
}
function ipKey(ip: string): string {
  return `sf:rl:sign-in:ip:${ip}`;
}

export type SignInRateLimiter = {
  /**
   * Counts the attempt against the account and the IP; throws RATE_LIMITED (429, Retry-After) when either window is
   * exhausted. Counting before Cognito answers (rather than after a failure) keeps parallel guesses from slipping
   * through while the first answers are still out.
   */
  beforeAttempt(input: { email: string; ip: string | null }): Promise<void>;
  /** A correct password clears the account's window, so only unsuccessful attempts accumulate. */
  recordSuccess(email: string): Promise<void>;
};

export function createSignInRateLimiter(options: { limits?: SignInLimits; store?: CounterStore } = {}): SignInRateLimiter {
  const limits = options.limits ?? DEFAULT_SIGN_IN_LIMITS;
  const store = options.store ?? new FallbackCounterStore(getRedis);
  return {
    async beforeAttempt({ email, ip }) {
      const account = await store.increment(accountKey(email), limits.perAccount.windowSeconds);
      if (account.count > limits.perAccount.max) throw rateLimited(account.resetInSeconds);
      if (ip) {
        const window = await store.increment(ipKey(ip), limits.perIp.windowSeconds);
        if (window.count > limits.perIp.max) throw rateLimited(window.resetInSeconds);
      }
    },
    async recordSuccess(email) {
      await store.reset(accountKey(email));
    },
  };
}

// One limiter per process (globalThis: route bundles are separate module graphs).
const holder = (globalThis as { __storefrontSignInLimiter?: { limiter: SignInRateLimiter } });

export function signInRateLimiter(): SignInRateLimiter {
  return (holder.__storefrontSignInLimiter ??= { limiter: createSignInRateLimiter() }).limiter;
}

/** Tests: tighter limits (or a fresh in-memory store); with no argument, back to the defaults. */
export function configureSignInRateLimiter(options?: { limits?: SignInLimits; store?: CounterStore }): void {
  holder.__storefrontSignInLimiter = { limiter: createSignInRateLimiter(options) };
}
