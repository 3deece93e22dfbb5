import { beforeEach, describe, expect, it } from 'vitest';
import handler from './next-cache-handler.mjs';
import { expireTags } from './tag-store.mjs';

// No REDIS_URL here: the handler must work per process on its own.
function entry(text: string, tags: string[], timestamp = Date.now(), expire = 3600) {
  return {
    value: new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(text));
        c.close();
      },
    }),
    tags,
    stale: 60,
    timestamp,
    expire,
    revalidate: 300,
  };
}

async function text(e: { value: ReadableStream<Uint8Array> } | undefined) {
  if (!e) return undefined;
  return new Response(e.value).text();
}

let n = 0;
const key = () => `unit-key-${Date.now()}-${n++}`;

describe('next cache handler without Redis', () => {
  beforeEach(() => {
    delete process.env.REDIS_URL;
  });

  it('returns what was set, as a fresh stream on every get', async () => {
    const k = key();
    await handler.set(k, Promise.resolve(entry('hello', ['product:a'])));
    expect(await text(await handler.get(k, []))).toBe('hello');
    expect(await text(await handler.get(k, []))).toBe('hello');
  });

  it('misses once a tag of the entry is expired after it was made', async () => {
    const k = key();
    await handler.set(k, Promise.resolve(entry('price 10', ['product:b'], Date.now() - 1000)));
    await expireTags(['product:b']);
    expect(await handler.get(k, [])).toBeUndefined();
  });

  it('keeps entries whose tags were expired before they were made', async () => {
    await expireTags(['product:c'], Date.now() - 5000);
    const k = key();
    await handler.set(k, Promise.resolve(entry('fresh', ['product:c'])));
    expect(await text(await handler.get(k, []))).toBe('fresh');
  });

  it('misses past the hard expiry', async () => {
    const k = key();
    await handler.set(k, Promise.resolve(entry('old', [], Date.now() - 10_000, 5)));
    expect(await handler.get(k, [])).toBeUndefined();
  });

  it('makes a get wait for a set still in flight', async () => {
    const k = key();
    let resolve!: (e: ReturnType<typeof entry>) => void;
    const pending = new Promise<ReturnType<typeof entry>>((r) => (resolve = r));
    const setting = handler.set(k, pending);
    const getting = handler.get(k, []);
    resolve(entry('late', []));
    await setting;
    expect(await text(await getting)).toBe('late');
  });

  it('reports the latest expiry of soft tags', async () => {
    const at = Date.now() - 100;
    await expireTags(['_N_T_/p/x'], at);
    expect(await handler.getExpiration(['_N_T_/p/x', 'never-expired'])).toBe(at);
    expect(await handler.getExpiration(['never-expired-either'])).toBe(0);
  });

  it('keeps the in-process layer within CACHE_MEMORY_MAX_BYTES, dropping the least recently used entries', async () => {
    const state = Symbol.for('storefront.cache.entries');
    const g = globalThis as unknown as Record<symbol, unknown>;
    const previous = g[state];
    delete g[state]; // the bound is read when the layer is made
    process.env.CACHE_MEMORY_MAX_BYTES = '10000';
    try {
      const kb = (c: string) => c.repeat(3_000);
      const [a, b, c, d] = [key(), key(), key(), key()];
      await handler.set(a, Promise.resolve(entry(kb('a'), [])));
      await handler.set(b, Promise.resolve(entry(kb('b'), [])));
      await handler.set(c, Promise.resolve(entry(kb('c'), [])));
      expect(await text(await handler.get(a, []))).toBe(kb('a')); // a is now the most recent
      await handler.set(d, Promise.resolve(entry(kb('d'), []))); // over 10,000 bytes: b goes
      expect(await handler.get(b, [])).toBeUndefined();
      expect(await text(await handler.get(a, []))).toBe(kb('a'));
      expect(await text(await handler.get(d, []))).toBe(kb('d'));
      // One entry bigger than the whole budget is not held in memory at all.
      const huge = key();
      await handler.set(huge, Promise.resolve(entry('x'.repeat(20_000), [])));
      expect(await handler.get(huge, [])).toBeUndefined();
      expect(await text(await handler.get(d, []))).toBe(kb('d'));
    } finally {
      delete process.env.CACHE_MEMORY_MAX_BYTES;
      g[state] = previous;
    }
  });
});
