// Lambda package test (npm run test:lambda): builds the app with OpenNext (open-next.local.config.ts: file-system
// caches, no S3/SQS), imports the built server function's handler in this plain Node process, and invokes it with
// API Gateway v2 events against a throwaway in-memory local stack with the demo catalog. Proves the package, not
// `next start`, serves the app: SSR product page, middleware inside the package, a JSON route, and forged internal
// headers gaining nothing. Logs (never asserts) the zipped package size and the first-invoke time.
//
//   npm run test:lambda                                       build in this checkout (rewrites .next: run after Playwright)
//   LAMBDA_PACKAGE_NO_BUILD=1 npm run test:lambda             reuse an existing .open-next
//   LAMBDA_PACKAGE_DIR=DIR npm run test:lambda                use DIR's .open-next (a separate build of the same app)
// (`--no-build` and `--dir DIR` still work when the file is run directly with tsx.) npm runs it under `--test
// --test-force-exit`: the imported server function keeps its timers and sockets (Redis reconnects, the analytics
// flush), as a frozen Lambda would, and a plain node:test run waits for an empty event loop before it reports, so
// it never ended (CI timed out on that).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Redis from 'ioredis';
import { STREAM_MAPPINGS } from '../infra/event-mappings';
import { ensureQueue, type StreamMapping, startDynamoStreamMapping, startSqsMapping } from '../local/lambda/event-source-mapping';
import { bundleLambdas, LAMBDA_ENTRIES, type LambdaFunction, startLambda } from '../local/lambda/lambda-process';
import { type Stack, startStack } from '../local/stack';
import { tableName } from '../server/platform/db/tables';
import { formatMoney, type Money } from '../server/platform/money';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dirArg = argv.indexOf('--dir');
const dirOpt = process.env.LAMBDA_PACKAGE_DIR || (dirArg >= 0 ? (argv[dirArg + 1] ?? '.') : null);
const projectDir = dirOpt ? path.resolve(dirOpt) : repo;
const build = !argv.includes('--no-build') && !process.env.LAMBDA_PACKAGE_NO_BUILD && !dirOpt;
const fnDir = path.join(projectDir, '.open-next/server-functions/default');

type ApiResult = {
  statusCode: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
};
type Handler = (event: unknown, context: unknown) => Promise<ApiResult>;

function log(msg: string): void {
  console.log(`# ${msg}`);
}

/** A minimal API Gateway HTTP API (payload 2.0) event, as a Lambda function URL also sends. */
function apiEvent(method: string, rawPath: string, opts: { query?: string; headers?: Record<string, string>; body?: unknown; cookies?: string[] } = {}) {
  const query = opts.query ?? '';
  const json = opts.body === undefined ? {} : { 'content-type': 'application/json', origin: 'https://shop.example.test' };
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: query,
    cookies: opts.cookies ?? [],
    headers: {
      host: 'shop.example.test',
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.7',
      'user-agent': 'lambda-package-test',
      accept: 'text/html,application/json',
      ...json,
      ...opts.headers,
    },
    queryStringParameters: query ? Object.fromEntries(new URLSearchParams(query)) : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'shop.example.test',
      domainPrefix: 'shop',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'lambda-package-test' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    isBase64Encoded: false,
  };
}

function bodyOf(r: ApiResult): string {
  return r.isBase64Encoded ? Buffer.from(r.body ?? '', 'base64').toString('utf8') : (r.body ?? '');
}
function header(r: ApiResult, name: string): string | undefined {
  const key = Object.keys(r.headers ?? {}).find((k) => k.toLowerCase() === name);
  return key ? r.headers?.[key] : r.multiValueHeaders?.[name]?.[0];
}
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}

function zippedSize(dir: string): number | null {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'lambda-zip-')), 'server.zip');
  const r = spawnSync('zip', ['-qr', '-X', out, '.'], { cwd: dir, stdio: 'ignore' });
  const size = r.status === 0 ? statSync(out).size : null;
  rmSync(path.dirname(out), { recursive: true, force: true });
  return size;
}
function dirSize(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += statSync(path.join(e.parentPath, e.name)).size;
  }
  return total;
}
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

let stack: Stack | undefined;
let handler: Handler;
let bundles: Awaited<ReturnType<typeof bundleLambdas>>;
const lambdas: LambdaFunction[] = [];
const mappings: (StreamMapping | { stop(): Promise<void> })[] = [];
let firstInvokeMs = 0;
let product: { slug: string; name: string; category: string };

before(async () => {
  if (build) {
    const t = performance.now();
    log('building with OpenNext (open-next.local.config.ts)');
    execFileSync('npx', ['open-next', 'build', '--config-path', 'open-next.local.config.ts'], {
      cwd: projectDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    log(`OpenNext build: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  assert.ok(existsSync(path.join(fnDir, 'index.mjs')), `no server function at ${fnDir}: build with OpenNext first`);

  const zipped = zippedSize(fnDir);
  log(`server function package: ${zipped === null ? 'zip CLI missing' : mib(zipped)} zipped, ${mib(dirSize(fnDir))} unzipped`);

  // The payments sandbox knows the package's origin, as a processor account knows the shop's (3-D Secure return URL).
  stack = await startStack({ dataDir: 'memory', ports: 'auto', quiet: true, storefrontOrigins: ['https://shop.example.test'] });
  // As on AWS: no in-process stream pollers (those are stream-subscribed functions there), and no local events lake
  // (DuckDB is the laptop's Athena; a deployed function writes events to Firehose, which has no local stand-in).
  Object.assign(process.env, stack.env, { STREAM_CONSUMERS: 'off', SITE_URL: 'https://shop.example.test', NODE_ENV: 'production' });
  delete process.env.ANALYTICS_LAKE_DIR;
  const { ensureDemoCatalog } = await import('../local/catalog/ensure-demo-catalog');
  await ensureDemoCatalog();
  // The stream and queue functions, bundled as sst.config.ts bundles them.
  const tb = performance.now();
  bundles = await bundleLambdas(LAMBDA_ENTRIES);
  log(`stream and queue functions bundled: ${((performance.now() - tb) / 1000).toFixed(1)} s`);

  // fs-dev caches resolve their paths from the working directory, as Lambda's /var/task.
  process.chdir(fnDir);
  const t0 = performance.now();
  const mod = (await import(pathToFileURL(path.join(fnDir, 'index.mjs')).href)) as { handler: Handler };
  const importMs = performance.now() - t0;
  handler = mod.handler;

  const t1 = performance.now();
  const first = await handler(apiEvent('GET', '/api/products', { query: 'limit=1' }), {});
  firstInvokeMs = performance.now() - t1;
  log(`handler import: ${importMs.toFixed(0)} ms; first invoke (GET /api/products): ${firstInvokeMs.toFixed(0)} ms`);
  assert.equal(first.statusCode, 200, bodyOf(first).slice(0, 500));
  const items = (JSON.parse(bodyOf(first)) as { items: { slug: string; name: string; category: string }[] }).items;
  assert.ok(items[0], 'the demo catalog has products');
  product = items[0];
});

after(async () => {
  process.chdir(repo);
  for (const m of mappings) await m.stop();
  for (const l of lambdas) await l.stop();
  await stack?.stop();
});

/** The environment a deployed function gets: the stack's, as sst.config.ts's baseEnv gives every function. */
function functionEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

async function signIn(email: string, password: string): Promise<string[]> {
  const r = await handler(apiEvent('POST', '/api/auth/sign-in', { body: { email, password } }), {});
  assert.equal(r.statusCode, 200, bodyOf(r).slice(0, 300));
  const cookies = (r.cookies ?? []).map((c) => c.split(';')[0]!).filter((c) => !c.endsWith('='));
  assert.ok(cookies.length > 0, 'sign-in set session cookies');
  return cookies;
}

/** The Redis entries of the 'use cache' handler, each with the moment its render began. */
async function cacheEntries(redis: Redis): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', 'cache:entry:*', 'COUNT', 500);
    cursor = next;
    for (const k of keys) {
      const raw = await redis.get(k);
      if (raw) out.set(k, (JSON.parse(raw) as { timestamp: number }).timestamp);
    }
  } while (cursor !== '0');
  return out;
}

test('the cache handler ships inside the package', () => {
  const found = readdirSync(fnDir, { recursive: true, withFileTypes: true }).some((e) => e.isFile() && e.name === 'next-cache-handler.mjs');
  assert.ok(found, 'server/platform/cache/next-cache-handler.mjs is not in the server function');
});

test('a product page is server-rendered HTML with the product', async () => {
  const t = performance.now();
  const r = await handler(apiEvent('GET', `/p/${product.slug}`), {});
  const body = bodyOf(r);
  log(`GET /p/${product.slug}: ${r.statusCode} in ${(performance.now() - t).toFixed(0)} ms, ${body.length} bytes`);
  assert.equal(r.statusCode, 200, body.slice(0, 500));
  assert.match(header(r, 'content-type') ?? '', /text\/html/);
  assert.ok(body.includes(escapeHtml(product.name)) || body.includes(product.name), 'product name in the HTML');
  // Middleware ran inside the package: its security headers are on the response.
  assert.equal(header(r, 'x-content-type-options'), 'nosniff');
});

// OpenNext's result always carries a `set-cookie` key (an empty list joined to ""); the wrapper once read its presence
// as a cookie and left Next's `private, no-cache, no-store` on every catalog page (issue 17).
test('a catalog page from the package is shareable and carries the hash CSP of its own inline scripts (ADR 0006)', async () => {
  const r = await handler(apiEvent('GET', `/p/${product.slug}`), {});
  assert.equal(r.statusCode, 200);
  assert.match(header(r, 'cache-control') ?? '', /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  assert.equal(header(r, 'set-cookie'), undefined);
  const csp = header(r, 'content-security-policy') ?? '';
  assert.doesNotMatch(csp, /nonce-|'unsafe-inline'[^;]*;.*script|'strict-dynamic'/);
  const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
  assert.equal(scriptSrc[0], "'self'");
  const inline = [...bodyOf(r).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[1]!));
  assert.ok(inline.length > 0, 'the page has inline scripts');
  for (const m of inline) assert.ok(scriptSrc.includes(`'sha256-${createHash('sha256').update(m[2]!).digest('base64')}'`), `unhashed: ${m[2]!.slice(0, 60)}`);
  assert.equal(r.cookies?.length ?? 0, 0, 'a shared page sets no cookie');
  // The listing pages too.
  for (const p of ['/', `/c/${product.category}`]) {
    const listing = await handler(apiEvent('GET', p), {});
    assert.equal(listing.statusCode, 200, `${p}: ${bodyOf(listing).slice(0, 300)}`);
    assert.match(header(listing, 'cache-control') ?? '', /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/, p);
    assert.match(header(listing, 'content-security-policy') ?? '', /script-src 'self' 'sha256-/, p);
  }
  // A per-shopper page from the same package keeps its nonce and stays out of shared caches.
  const cart = await handler(apiEvent('GET', '/cart'), {});
  assert.match(header(cart, 'content-security-policy') ?? '', /'nonce-[^']+' 'strict-dynamic'/);
  assert.match(header(cart, 'cache-control') ?? '', /private/);
  assert.match(header(cart, 'cache-control') ?? '', /no-store/);
});

// /orders, not /checkout: guests may check out (docs/checkout.md "Guest checkout"); an order list needs a session.
test('/orders without a session redirects to sign-in (middleware in the package)', async () => {
  const r = await handler(apiEvent('GET', '/orders'), {});
  assert.ok(r.statusCode >= 300 && r.statusCode < 400, `expected a redirect, got ${r.statusCode}`);
  assert.match(header(r, 'location') ?? '', /sign-in/);
});

test('GET /api/search answers JSON', async () => {
  const word = product.name.split(/\s+/).find((w) => w.length > 3) ?? product.name;
  const r = await handler(apiEvent('GET', '/api/search', { query: `q=${encodeURIComponent(word)}&limit=5` }), {});
  assert.equal(r.statusCode, 200, bodyOf(r).slice(0, 500));
  assert.match(header(r, 'content-type') ?? '', /application\/json/);
  const json = JSON.parse(bodyOf(r)) as { items: unknown[]; total: number };
  assert.ok(Array.isArray(json.items) && json.total >= 1, `search for "${word}" found nothing`);
});

test('forged internal headers gain nothing', async () => {
  const forged = {
    'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
    'x-middleware-prefetch': '1',
    'x-isr': '1',
    'x-opennext': '1',
    'x-invoke-path': '/',
  };
  for (const variant of [forged, { 'x-middleware-subrequest': 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware' }]) {
    const r = await handler(apiEvent('GET', '/orders', { headers: variant }), {});
    assert.ok(r.statusCode >= 300 && r.statusCode < 400, `forged headers reached /orders: ${r.statusCode}`);
    assert.match(header(r, 'location') ?? '', /sign-in/);
    const api = await handler(apiEvent('GET', '/api/orders', { headers: variant }), {});
    assert.equal(api.statusCode, 401, `forged headers reached /api/orders: ${api.statusCode}`);
  }
});

// Issue 25: OpenNext 4.1 swaps next.config.mjs's cache handler for its own composable cache. The package must keep
// 'use cache' entries in the same Redis as every other shape (infra/open-next/redis-cache.ts), and a new entry is
// a hit the next time it is read (OpenNext's DynamoDB tag cache missed new entries twice).
test("the package's 'use cache' entries live in Redis, and a new entry is a hit the second time", async () => {
  const redis = new Redis(process.env.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const list = await handler(apiEvent('GET', '/api/products', { query: 'limit=5' }), {});
    const other = (JSON.parse(bodyOf(list)) as { items: { slug: string }[] }).items.find((p) => p.slug !== product.slug);
    assert.ok(other, 'a second product');
    const before = await cacheEntries(redis);
    const first = await handler(apiEvent('GET', `/p/${other.slug}`), {});
    assert.equal(first.statusCode, 200);
    const afterFirst = await cacheEntries(redis);
    const added = [...afterFirst.keys()].filter((k) => !before.has(k));
    log(`Redis cache entries: ${before.size} before the page, ${afterFirst.size} after (${added.length} new)`);
    assert.ok(added.length > 0, "rendering a product page from the package wrote no 'use cache' entry to Redis");
    const second = await handler(apiEvent('GET', `/p/${other.slug}`), {});
    assert.equal(second.statusCode, 200);
    const afterSecond = await cacheEntries(redis);
    const rewritten = added.filter((k) => afterSecond.get(k) !== afterFirst.get(k));
    assert.deepEqual(rewritten, [], 'entries written by the first render were rendered again by the second (a double miss)');
  } finally {
    redis.disconnect();
  }
});

// Issue 25, item 2: the whole deployed path of a price change. The marketer edits through the server function,
// DynamoDB Local's stream is delivered to the products-stream function (bundled as SST bundles it, in a process of
// its own, as a Lambda DynamoDBStreamEvent by the emulated event source mapping), and the product page from the
// server function shows the new price within 10 s.
test('a price change made through the admin route shows on the product page within 10 s, through the products-stream function', async () => {
  const productsFn = await startLambda('CatalogChanges', bundles.productsStream!, functionEnv());
  lambdas.push(productsFn);
  const failures = await ensureQueue('lambda-package-test-stream-failures');
  const mapping = startDynamoStreamMapping({
    name: 'CatalogChanges',
    table: tableName('products'),
    invoke: productsFn.invoke,
    settings: STREAM_MAPPINGS.catalogChanges,
    destinationQueueUrl: failures,
  });
  mappings.push(mapping);
  await mapping.ready;

  // Cached first (twice: the second read is served from the cache), so the change has something to invalidate.
  const page = `/p/${product.slug}`;
  for (let i = 0; i < 2; i++) assert.equal((await handler(apiEvent('GET', page), {})).statusCode, 200);

  const cookies = await signIn('marketer@example.com', 'Marketer-pass-1');
  const id = (JSON.parse(bodyOf(await handler(apiEvent('GET', '/api/products', { query: 'limit=1' }), {}))) as { items: { id: string }[] }).items[0]!.id;
  const current = await handler(apiEvent('GET', `/api/admin/products/${id}`, { cookies }), {});
  assert.equal(current.statusCode, 200, bodyOf(current).slice(0, 300));
  const admin = JSON.parse(bodyOf(current)) as { version: number; variants: { id: string; price: Money }[] };
  const oldHtml = bodyOf(await handler(apiEvent('GET', page), {}));
  // A price the page does not show yet (odd cents, so no other price on the page matches it by chance).
  let price: Money = { amount: admin.variants[0]!.price.amount + 1_013, currency: admin.variants[0]!.price.currency };
  while (oldHtml.includes(formatMoney(price))) price = { ...price, amount: price.amount + 7 };
  const shown = formatMoney(price);

  const t0 = performance.now();
  const patched = await handler(
    apiEvent('PATCH', `/api/admin/products/${id}`, {
      cookies,
      body: { expectedVersion: admin.version, variants: admin.variants.map((v) => ({ id: v.id, price })) },
    }),
    {},
  );
  assert.equal(patched.statusCode, 200, bodyOf(patched).slice(0, 300));

  let seenAfter = -1;
  while (performance.now() - t0 < 10_000) {
    const html = bodyOf(await handler(apiEvent('GET', page), {}));
    if (html.includes(shown)) {
      seenAfter = performance.now() - t0;
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`price change → product page: ${seenAfter < 0 ? 'not within 10 s' : `${seenAfter.toFixed(0)} ms`} (${mapping.stats.invocations} function invocations)`);
  assert.ok(
    seenAfter >= 0,
    `the product page still did not show ${shown} 10 s after the change (function invocations: ${mapping.stats.invocations}, failed batches: ${mapping.stats.failedBatches})`,
  );
  assert.equal(mapping.stats.failedBatches, 0);
});

// Issue 25, item 2: the orders side of the same harness. A guest checks out through the server function; the orders
// stream feeds the bundled TopSellers, CoPurchases and OrderLifecycle functions (each in its own process, on emulated mappings with
// sst.config.ts's settings) and the warehouse queue feeds the bundled warehouse function as an SQSEvent. The order
// reaches DELIVERED and its confirmation mail is in the local SES inbox exactly once.
test('an order placed through the package goes through the orders-stream functions and the warehouse function to DELIVERED', async () => {
  // One pause of 2 s before SHIPPED: the warehouse function must wait for it on the queue (its message hidden, the
  // function returning at once; ADR 0027), not in a sleep. The other pauses at 0.
  const env = { ...functionEnv(), FULFILMENT_PROCESSING_MS: '0', FULFILMENT_SHIPPED_MS: '2000', FULFILMENT_DELIVERED_MS: '0' };
  const failures = await ensureQueue('lambda-package-test-stream-failures');
  const [topSellers, coPurchases, lifecycle, warehouse, mailSender] = await Promise.all([
    startLambda('TopSellers', bundles.ordersTopSellers!, env),
    startLambda('CoPurchases', bundles.ordersCoPurchases!, env),
    startLambda('OrderLifecycle', bundles.orderLifecycle!, env),
    startLambda('Fulfilment', bundles.warehouse!, env, 30_000),
    startLambda('MailSender', bundles.mail!, env, 30_000),
  ]);
  lambdas.push(topSellers, coPurchases, lifecycle, warehouse, mailSender);
  const orderMappings = [
    startDynamoStreamMapping({
      name: 'TopSellers',
      table: tableName('orders'),
      invoke: topSellers.invoke,
      settings: STREAM_MAPPINGS.topSellers,
      destinationQueueUrl: failures,
    }),
    startDynamoStreamMapping({
      name: 'CoPurchases',
      table: tableName('orders'),
      invoke: coPurchases.invoke,
      settings: STREAM_MAPPINGS.coPurchases,
      destinationQueueUrl: failures,
    }),
    startDynamoStreamMapping({
      name: 'OrderLifecycle',
      table: tableName('orders'),
      invoke: lifecycle.invoke,
      settings: STREAM_MAPPINGS.orderLifecycle,
      destinationQueueUrl: failures,
    }),
  ];
  mappings.push(...orderMappings);
  await Promise.all(orderMappings.map((m) => m.ready));
  const queue = startSqsMapping({ name: 'Fulfilment', queueUrl: process.env.FULFILMENT_QUEUE_URL!, invoke: warehouse.invoke, batchSize: 1 });
  const mailQueue = startSqsMapping({ name: 'Mail', queueUrl: process.env.MAIL_QUEUE_URL!, invoke: mailSender.invoke, batchSize: 10 });
  mappings.push(queue, mailQueue);

  const list = JSON.parse(bodyOf(await handler(apiEvent('GET', '/api/products', { query: 'limit=5' }), {}))) as { items: { slug: string }[] };
  let variant: { productId: string; variantId: string } | undefined;
  for (const p of list.items) {
    const detail = JSON.parse(bodyOf(await handler(apiEvent('GET', `/api/products/${p.slug}`), {}))) as {
      id: string;
      variants: { id: string; available: number }[];
    };
    const v = detail.variants.find((x) => x.available > 0);
    if (v) {
      variant = { productId: detail.id, variantId: v.id };
      break;
    }
  }
  assert.ok(variant, 'an available variant');
  const jar = new Map<string, string>();
  const keep = (r: ApiResult) => {
    for (const c of r.cookies ?? []) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`);
  const added = await handler(apiEvent('POST', '/api/cart/items', { body: { ...variant, quantity: 1 } }), {});
  assert.equal(added.statusCode, 200, bodyOf(added).slice(0, 300));
  keep(added);
  const email = `lambda-package-${randomUUID().slice(0, 8)}@example.com`;
  const address = { name: 'Ada Lovelace', line1: '1 Analytical Way', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' };
  const placed = await handler(
    apiEvent('POST', '/api/checkout', {
      cookies: cookies(),
      headers: { 'idempotency-key': randomUUID() },
      body: { shippingAddress: address, shippingMethod: 'standard', payment: { token: 'tok_visa' }, email },
    }),
    {},
  );
  assert.equal(placed.statusCode, 201, bodyOf(placed).slice(0, 300));
  keep(placed);
  const orderId = (JSON.parse(bodyOf(placed)) as { order: { id: string } }).order.id;

  const t0 = performance.now();
  let status = '';
  while (performance.now() - t0 < 60_000) {
    const r = await handler(apiEvent('GET', `/api/orders/${orderId}`, { cookies: cookies() }), {});
    status = (JSON.parse(bodyOf(r)) as { order?: { status: string } }).order?.status ?? `HTTP ${r.statusCode}`;
    if (status === 'DELIVERED') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`order → DELIVERED through the functions: ${status === 'DELIVERED' ? `${(performance.now() - t0).toFixed(0)} ms` : `stuck at ${status}`}`);
  assert.equal(
    status,
    'DELIVERED',
    `stream invocations: ${orderMappings.map((m) => m.stats.invocations).join('/')}, warehouse: ${JSON.stringify(queue.stats)}`,
  );
  // The warehouse waited on the queue: its message came back at least once, reported as not done.
  assert.ok(queue.stats.failed >= 1, `the warehouse held its message on the queue: ${JSON.stringify(queue.stats)}`);
  // Order mail goes through the mail queue and its function (docs/orders.md "Mail"): wait for the confirmation.
  let mine: { destination: { to: string[] }; subject: string }[] = [];
  for (const t1 = performance.now(); performance.now() - t1 < 20_000; await new Promise((r) => setTimeout(r, 250))) {
    const inbox = (await (await fetch(`${process.env.SES_ENDPOINT}/store`)).json()) as { emails: { destination: { to: string[] }; subject: string }[] };
    mine = inbox.emails.filter((m) => m.destination.to.some((to) => to.includes(email)));
    if (mine.some((m) => m.subject.includes('was delivered'))) break;
  }
  log(`mail to the guest: ${mine.map((m) => m.subject).join(' | ')}`);
  for (const words of ['confirmed', 'has shipped', 'was delivered']) {
    assert.equal(
      mine.filter((m) => m.subject.includes(words)).length,
      1,
      `one "${words}" mail in the local SES inbox: ${mine.map((m) => m.subject).join(' | ')}`,
    );
  }
  assert.equal(new Set(mine.map((m) => m.subject)).size, mine.length, 'no email was sent twice');
  for (const m of orderMappings) assert.equal(m.stats.failedBatches, 0);
});

test('a campaign sent through the package is queued, and mailed by the campaign function (ADR 0036)', async () => {
  const sender = await startLambda('CampaignSender', bundles.campaigns!, functionEnv(), 60_000);
  lambdas.push(sender);
  const mapping = startSqsMapping({ name: 'Campaigns', queueUrl: process.env.CAMPAIGN_QUEUE_URL!, invoke: sender.invoke, batchSize: 1 });
  mappings.push(mapping);

  // A shopper who buys today and agrees to marketing mail: a member of today's segment for the product's category.
  const email = `lambda-campaign-${randomUUID().slice(0, 8)}@example.com`;
  const password = 'Sturdy-pass-42';
  const signUp = await handler(apiEvent('POST', '/api/auth/sign-up', { body: { email, password, name: 'Camp Aign' } }), {});
  assert.equal(signUp.statusCode, 201, bodyOf(signUp).slice(0, 300));
  const shopper = await signIn(email, password);
  const list = JSON.parse(bodyOf(await handler(apiEvent('GET', '/api/products', { query: 'limit=10' }), {}))) as { items: { slug: string }[] };
  let pick: { productId: string; variantId: string; category: string } | undefined;
  for (const p of list.items) {
    const d = JSON.parse(bodyOf(await handler(apiEvent('GET', `/api/products/${p.slug}`), {}))) as {
      id: string;
      category: string;
      variants: { id: string; available: number }[];
    };
    const v = d.variants.find((x) => x.available > 0);
    if (v) {
      pick = { productId: d.id, variantId: v.id, category: d.category };
      break;
    }
  }
  assert.ok(pick, 'an available variant');
  const added = await handler(
    apiEvent('POST', '/api/cart/items', { cookies: shopper, body: { productId: pick.productId, variantId: pick.variantId, quantity: 1 } }),
    {},
  );
  assert.equal(added.statusCode, 200, bodyOf(added).slice(0, 300));
  const address = { name: 'Camp Aign', line1: '1 Analytical Way', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' };
  const placed = await handler(
    apiEvent('POST', '/api/checkout', {
      cookies: shopper,
      headers: { 'idempotency-key': randomUUID() },
      body: { shippingAddress: address, shippingMethod: 'standard', payment: { token: 'tok_visa' } },
    }),
    {},
  );
  assert.equal(placed.statusCode, 201, bodyOf(placed).slice(0, 300));
  const consent = await handler(apiEvent('PATCH', '/api/account', { cookies: shopper, body: { marketingConsent: true } }), {});
  assert.equal(consent.statusCode, 200, bodyOf(consent).slice(0, 300));

  const marketer = await signIn('marketer@example.com', 'Marketer-pass-1');
  const today = new Date().toISOString().slice(0, 10);
  const subject = `Package picks ${randomUUID().slice(0, 8)}`;
  const created = await handler(
    apiEvent('POST', '/api/admin/campaigns', {
      cookies: marketer,
      body: { segment: { kind: 'bought-in-category', category: pick.category, from: today, to: today }, subject, message: 'New this week.' },
    }),
    {},
  );
  assert.equal(created.statusCode, 201, bodyOf(created).slice(0, 300));
  const campaignId = (JSON.parse(bodyOf(created)) as { id: string }).id;
  const sent = await handler(apiEvent('POST', `/api/admin/campaigns/${campaignId}/send`, { cookies: marketer, body: {} }), {});
  assert.equal(sent.statusCode, 202, bodyOf(sent).slice(0, 300));

  let status = '';
  for (const t0 = performance.now(); performance.now() - t0 < 60_000; await new Promise((r) => setTimeout(r, 500))) {
    const r = await handler(apiEvent('GET', `/api/admin/campaigns/${campaignId}`, { cookies: marketer }), {});
    status = (JSON.parse(bodyOf(r)) as { status?: string }).status ?? `HTTP ${r.statusCode}`;
    if (status === 'sent') break;
  }
  assert.equal(status, 'sent', `the campaign function's mapping: ${JSON.stringify(mapping.stats)}`);
  assert.ok(mapping.stats.invocations >= 1, 'the campaign function ran it');
  const inbox = (await (await fetch(`${process.env.SES_ENDPOINT}/store`)).json()) as { emails: { destination: { to: string[] }; subject: string }[] };
  const mine = inbox.emails.filter((m) => m.subject === subject && m.destination.to.includes(email));
  assert.equal(mine.length, 1, 'the consenting buyer got the campaign once');
});
