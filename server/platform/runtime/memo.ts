import { LRUCache } from 'lru-cache';
import { processSingleton } from './singleton';

// Short-lived memos of expensive reads (top sellers on every home page, "customers also bought" on every product
// page): one promise per key for `ttlMs`, shared by concurrent callers and by every Next bundle of the process,
// at most `max` keys (least recently used dropped first). A rejected load is forgotten at once, never served.

type Memo = {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
  /** Drops one key: the next get loads it again. */
  forget(key: string): void;
};

export function ttlMemo(name: string, options: { ttlMs: number; max: number }): Memo {
  const cache = processSingleton(`memo:${name}`, () => new LRUCache<string, Promise<unknown>>({ max: options.max, ttl: options.ttlMs }));
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = cache.get(key) as Promise<T> | undefined;
      if (hit) return hit;
      const value = load();
      cache.set(key, value);
      value.catch(() => {
        if (cache.get(key) === value) cache.delete(key);
      });
      return value;
    },
    clear() {
      cache.clear();
    },
    forget(key: string) {
      cache.delete(key);
    },
  };
}
