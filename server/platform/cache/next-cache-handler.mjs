// Next.js 'use cache' handler (next.config.mjs `cacheHandlers.default`): an in-process LRU in front of Redis,
// with tag expiry checked on every read against the shared tag store. Next loads this file unbundled at run
// time, so it is plain JavaScript (it imports packages, never the TypeScript under server/). The LRU is bounded
// by bytes, not entries: rendered pages differ in size by orders of magnitude, so a count bounds nothing. An entry whose tag was expired after it was made is a miss (not served
// stale), so a re-imported price shows on the next request.
import { LRUCache } from 'lru-cache';
import { readEntry, writeEntry } from './entry-store.mjs';
import { expireTags, latestExpiration } from './tag-store.mjs';

// CACHE_MEMORY_MAX_BYTES (declared and validated in server/platform/config/index.ts; read here directly, since this file
// cannot import TypeScript): the in-process layer's budget. Redis holds the rest.
const DEFAULT_CACHE_MEMORY_MAX_BYTES = 64 * 1024 * 1024;
/** Per entry besides its bytes: tags, numbers and the key, roughly. */
const ENTRY_OVERHEAD_BYTES = 256;

/** @typedef {import('./entry-store.mjs').StoredEntry} StoredEntry */

const STATE = Symbol.for('storefront.cache.entries');
function memoryBudget() {
  const n = Number(process.env.CACHE_MEMORY_MAX_BYTES);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_CACHE_MEMORY_MAX_BYTES;
}

// On globalThis (under a symbol) like this directory's other plain-JS modules: server/platform/runtime's processSingleton
// is TypeScript, and Next loads this file apart from every bundle.
/** @returns {{ memory: LRUCache<string, StoredEntry>, pending: Map<string, Promise<void>> }} */
function state() {
  const g = /** @type {Record<symbol, any>} */ (globalThis);
  if (!g[STATE]) {
    const memory = new LRUCache({
      maxSize: memoryBudget(),
      /** @param {StoredEntry} entry @param {string} key */
      sizeCalculation: (entry, key) => entry.bytes.byteLength + key.length + entry.tags.reduce((n, t) => n + t.length, 0) + ENTRY_OVERHEAD_BYTES,
    });
    g[STATE] = { memory, pending: new Map() };
  }
  return g[STATE];
}

/** @param {string} key @param {StoredEntry} entry */
function remember(key, entry) {
  // An entry bigger than the whole budget is not kept in memory (lru-cache refuses it); Redis still has it.
  state().memory.set(key, entry);
}

/** @param {ReadableStream<Uint8Array>} stream */
async function readAll(stream) {
  const chunks = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** @param {Uint8Array} bytes */
function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** @type {import('next/dist/server/lib/cache-handlers/types').CacheHandler} */
const handler = {
  async get(cacheKey, softTags) {
    const { memory, pending } = state();
    const inFlight = pending.get(cacheKey);
    if (inFlight) await inFlight;

    let entry = memory.get(cacheKey);
    if (!entry) {
      entry = await readEntry(cacheKey);
      if (entry) remember(cacheKey, entry);
    }
    if (!entry) return undefined;

    if (Date.now() > entry.timestamp + entry.expire * 1000) {
      memory.delete(cacheKey);
      return undefined;
    }
    const expiredAt = await latestExpiration([...entry.tags, ...softTags]);
    if (expiredAt >= entry.timestamp) {
      memory.delete(cacheKey);
      return undefined;
    }
    const { bytes, ...meta } = entry;
    return { ...meta, value: streamOf(bytes) };
  },

  async set(cacheKey, pendingEntry) {
    const { pending } = state();
    /** @type {() => void} */
    let done = () => {};
    pending.set(cacheKey, new Promise((resolve) => (done = resolve)));
    try {
      const entry = await pendingEntry;
      const bytes = await readAll(entry.value);
      /** @type {StoredEntry} */
      const stored = {
        tags: entry.tags,
        stale: entry.stale,
        timestamp: entry.timestamp,
        expire: entry.expire,
        revalidate: entry.revalidate,
        bytes,
      };
      remember(cacheKey, stored);
      // Failing that, the in-process copy still serves this instance.
      await writeEntry(cacheKey, stored);
    } catch {
      // A failed render is simply not cached.
    } finally {
      pending.delete(cacheKey);
      done();
    }
  },

  async refreshTags() {
    // Tag expirations are read per entry in get(); there is no manifest to refresh.
  },

  async getExpiration(tags) {
    return latestExpiration(tags);
  },

  async updateTags(tags) {
    await expireTags(tags);
  },
};

export default handler;
