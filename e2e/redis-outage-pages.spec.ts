import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';

// The fault suite's Redis outage, on the production server: the in-process suite (tests/hardening) drives route
// handlers, this one the pages `next start` renders, whose catalog data goes through the Redis-backed 'use cache'
// handler. The e2e stack's redis-server is frozen with SIGSTOP (connections stay open, every command times out:
// the harder failure for a client) while shoppers load pages and add to carts, then thawed so later specs find it
// as it was. Bounded: about 5 s of traffic.

type StackEnv = Record<string, string>;
type ProductList = { items: { slug: string; id: string }[] };
type ProductDetail = { id: string; variants: { id: string; available: number }[] };

function stackRedis(baseURL: string): { pid: number; port: number } {
  const env = JSON.parse(readFileSync(join(tmpdir(), `storefront-e2e-${new URL(baseURL).port}.json`), 'utf8')) as StackEnv;
  const port = new URL(env.REDIS_URL ?? '').port;
  expect(port, 'the e2e stack runs its own redis-server').toMatch(/^\d+$/);
  // redis-server titles itself "redis-server 127.0.0.1:<port>".
  const pid = Number(
    execFileSync('pgrep', ['-f', `redis-server 127.0.0.1:${port}$`], { encoding: 'utf8' })
      .trim()
      .split('\n')[0],
  );
  expect(pid).toBeGreaterThan(0);
  return { pid, port: Number(port) };
}

/** Whether Redis answers a PING within `ms`: proves the freeze is real, so a green run is not a no-op. */
function redisAnswers(port: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
    socket.once('error', () => done(false));
    setTimeout(() => done(false), ms);
  });
}

async function inStockProduct(request: APIRequestContext): Promise<{ slug: string; productId: string; variantId: string }> {
  const list = (await (await request.get('/api/products?limit=40&sort=rating')).json()) as ProductList;
  for (const { slug } of list.items) {
    const detail = (await (await request.get(`/api/products/${slug}`)).json()) as ProductDetail;
    const variant = detail.variants.find((v) => v.available >= 20);
    if (variant) return { slug, productId: detail.id, variantId: variant.id };
  }
  throw new Error('no product with 20 in stock among the first 40');
}

test('pages and cart keep answering, without a 5xx, while Redis is frozen, and after it thaws', async ({ playwright, baseURL }) => {
  test.setTimeout(90_000);
  const product = await inStockProduct(await playwright.request.newContext({ baseURL }));
  const targets = ['/', '/c/coffee', `/p/${product.slug}`, '/search?q=coffee', '/api/top-sellers', '/cart'];
  // Each loop is a shopper of its own (its own cookies, so its own guest cart).
  const shoppers = await Promise.all([0, 1, 2].map(() => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } })));

  const statuses = new Map<string, number[]>();
  const added = new Map<APIRequestContext, number>();
  const record = (what: string, status: number) => statuses.set(what, [...(statuses.get(what) ?? []), status]);
  async function shop(ctx: APIRequestContext, until: number): Promise<void> {
    for (let i = 0; Date.now() < until; i++) {
      const path = targets[i % targets.length]!;
      record(path, (await ctx.get(path, { timeout: 15_000 })).status());
      // One add per round of pages, at most 5 per shopper: well inside stock and the line's quantity limit.
      if (i % targets.length === 0 && (added.get(ctx) ?? 0) < 5) {
        const add = await ctx.post('/api/cart/items', { data: { productId: product.productId, variantId: product.variantId, quantity: 1 }, timeout: 15_000 });
        record('POST /api/cart/items', add.status());
        if (add.ok()) added.set(ctx, (added.get(ctx) ?? 0) + 1);
      }
    }
  }

  // Healthy first: the same traffic answers 200 (so a 5xx later is the outage's doing, not a broken page).
  await shop(shoppers[0]!, Date.now() + 1_000);
  for (const [what, codes] of statuses)
    expect(
      codes.every((c) => c === 200),
      `${what} before the outage: ${codes}`,
    ).toBe(true);
  statuses.clear();

  const redis = stackRedis(baseURL!);
  expect(await redisAnswers(redis.port, 1_000)).toBe(true);
  process.kill(redis.pid, 'SIGSTOP');
  try {
    expect(await redisAnswers(redis.port, 500), 'Redis is frozen').toBe(false);
    await Promise.all(shoppers.map((s) => shop(s, Date.now() + 5_000)));
  } finally {
    process.kill(redis.pid, 'SIGCONT');
  }
  expect(await redisAnswers(redis.port, 2_000), 'Redis is back').toBe(true);
  for (const what of [...targets, 'POST /api/cart/items']) {
    const codes = statuses.get(what) ?? [];
    expect(codes.length, `${what} answered during the outage`).toBeGreaterThan(0);
    expect(
      codes.filter((c) => c >= 500),
      `${what} during the outage`,
    ).toEqual([]);
    expect(
      codes.every((c) => c === 200),
      `${what} during the outage: ${codes}`,
    ).toBe(true);
  }

  // Each shopper's cart holds exactly what it added, outage or not: the cart lives in DynamoDB, never in Redis.
  for (const s of shoppers) {
    const cart = (await (await s.get('/api/cart')).json()) as { items: { productId: string; variantId: string; quantity: number }[] };
    const line = cart.items.find((i) => i.productId === product.productId && i.variantId === product.variantId);
    expect(line?.quantity ?? 0).toBe(added.get(s) ?? 0);
  }

  // Thawed: everything answers again.
  statuses.clear();
  await shop(shoppers[0]!, Date.now() + 1_000);
  for (const [what, codes] of statuses)
    expect(
      codes.every((c) => c === 200),
      `${what} after the outage: ${codes}`,
    ).toBe(true);
  await Promise.all(shoppers.map((s) => s.dispose()));
});
