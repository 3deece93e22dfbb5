import { randomUUID } from 'node:crypto';
import { getRedis } from '../cache';
import { processSingleton } from './singleton';

// How many of something one key may hold open at once (live order status streams: issue 30 M2, issue 25). Not a
// rate: rate-limit.ts counts events in a window, and a long request opened late in a window would outlive its
// count. Each holder takes a lease that it gives back when done and that expires by itself after `leaseMs` (a
// process that died holding one), kept in Redis as a sorted set of lease ids by expiry, so every server instance
// (one request per Lambda instance) counts into the same cap. Each process also keeps its own count, which decides
// alone without Redis (as the rate limiter's insurance does) and bounds the process when a Redis command fails.

export type ConcurrencyCap = {
  /** A release function, or null when `key` already holds `max` leases. */
  acquire(key: string): Promise<(() => Promise<void>) | null>;
};

const ACQUIRE = `redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

function createCap(name: string, max: number, leaseMs: number): ConcurrencyCap {
  const memory = new Map<string, Map<string, number>>();
  const local = (key: string) => {
    const now = Date.now();
    const leases = memory.get(key) ?? new Map<string, number>();
    for (const [id, until] of leases) if (until <= now) leases.delete(id);
    memory.set(key, leases);
    return leases;
  };
  return {
    async acquire(key) {
      // This process's own count is always kept and always checked: a Redis command that times out under load
      // must not let one instance exceed the cap on its own.
      const leases = local(key);
      if (leases.size >= max) return null;
      const id = randomUUID();
      leases.set(id, Date.now() + leaseMs);
      const dropLocal = () => {
        leases.delete(id);
        if (leases.size === 0) memory.delete(key);
      };
      const redisKey = `sf:cap:${name}:${key}`;
      const redis = getRedis();
      if (!redis) return async () => dropLocal();
      try {
        const now = Date.now();
        const ok = await redis.eval(ACQUIRE, 1, redisKey, String(now), String(now + leaseMs), String(max), id, String(leaseMs));
        if (ok !== 1) {
          dropLocal();
          return null;
        }
      } catch {
        // Redis failed mid-command: this process's count decides.
      }
      return async () => {
        dropLocal();
        await getRedis()
          ?.zrem(redisKey, id)
          .catch(() => undefined);
      };
    },
  };
}

/** The cap called `name`, one per process (Next's bundles share it). */
export function concurrencyCap(name: string, max: number, leaseMs: number): ConcurrencyCap {
  return processSingleton(`concurrency-cap:${name}:${max}`, () => createCap(name, max, leaseMs));
}
