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
});
