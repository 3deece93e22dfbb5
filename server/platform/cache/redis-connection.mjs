// The one Redis connection of a process, shared by the Next cache handler (loaded unbundled by Next, hence
// plain JS) and the TypeScript domains. Redis is an accelerator only: callers get `null` whenever it is not
// connected and take their DynamoDB or in-process path instead, so an outage never makes a request wait.
import Redis from 'ioredis';

const STATE = Symbol.for('storefront.redis');

/** @returns {{ client: import('ioredis').Redis | null, warned: Set<string> }} */
function state() {
  const g = /** @type {Record<symbol, any>} */ (globalThis);
  if (!g[STATE]) g[STATE] = { client: null, warned: new Set() };
  return g[STATE];
}

/** @param {string} kind @param {string} message */
function warnOnce(kind, message) {
  const s = state();
  if (s.warned.has(kind)) return;
  s.warned.add(kind);
  // The one logger (server/platform/observability/logger.ts) registers itself globally; this plain-JS module, loaded
  // unbundled by Next's cache handler, cannot import TypeScript. Same line shape when it is not loaded yet.
  const logger = /** @type {{ warn(msg: string, fields: object): void } | undefined} */ (globalThis[Symbol.for('storefront.logger')]);
  if (logger) logger.warn(message, { component: 'redis' });
  else console.warn(JSON.stringify({ time: new Date().toISOString(), level: 'warn', msg: message, component: 'redis' }));
}

/**
 * The connected client, or null (no REDIS_URL, still connecting, or down).
 * @returns {import('ioredis').Redis | null}
 */
export function getRedis() {
  const url = process.env.REDIS_URL;
  if (!url) {
    warnOnce('no-url', 'REDIS_URL is not set: caches are per process and top sellers read DynamoDB');
    return null;
  }
  const s = state();
  if (!s.client) {
    s.client = new Redis(url, {
      // Fail fast instead of queueing: a queued command during an outage is a request that hangs.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 250,
      connectTimeout: 1000,
      retryStrategy: (times) => Math.min(250 * times, 2000),
    });
    s.client.on('error', (err) => warnOnce(`error:${err.code ?? err.message}`, `Redis unavailable (${err.code ?? err.message}); using fallbacks`));
    s.client.on('ready', () => s.warned.clear());
  }
  return s.client.status === 'ready' ? s.client : null;
}

/** Waits briefly for the first connection; for scripts and tests that want Redis if it is there. */
export async function waitForRedis(timeoutMs = 1000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = getRedis();
    if (client) return client;
    if (!process.env.REDIS_URL) return null;
    await new Promise((r) => setTimeout(r, 25));
  }
  return getRedis();
}

/** Closes the connection (scripts and tests, so the process can exit). */
export async function closeRedis() {
  const s = state();
  const client = s.client;
  s.client = null;
  if (client) await client.quit().catch(() => client.disconnect());
}
