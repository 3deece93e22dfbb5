// Lambda package test (npm run test:lambda): builds the app with OpenNext (open-next.local.config.ts: file-system
// caches, no S3/SQS), imports the built server function's handler in this plain Node process, and invokes it with
// API Gateway v2 events against a throwaway in-memory local stack with the demo catalog. Proves the package, not
// `next start`, serves the app: SSR product page, middleware inside the package, a JSON route, and forged internal
// headers gaining nothing. Logs (never asserts) the zipped package size and the first-invoke time.
//
//   tsx scripts/lambda-package-test.ts              build in this checkout (rewrites .next: run after Playwright)
//   tsx scripts/lambda-package-test.ts --no-build   reuse an existing .open-next
//   tsx scripts/lambda-package-test.ts --dir DIR    use DIR's .open-next (a separate build of the same app)
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Stack, startStack } from '../local/stack';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dirArg = argv.indexOf('--dir');
const projectDir = dirArg >= 0 ? path.resolve(argv[dirArg + 1] ?? '.') : repo;
const build = !argv.includes('--no-build') && dirArg < 0;
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
function apiEvent(method: string, rawPath: string, opts: { query?: string; headers?: Record<string, string> } = {}) {
  const query = opts.query ?? '';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: query,
    cookies: [],
    headers: {
      host: 'shop.example.test',
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.7',
      'user-agent': 'lambda-package-test',
      accept: 'text/html,application/json',
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

  stack = await startStack({ dataDir: 'memory', ports: 'auto', quiet: true });
  // As on AWS: no in-process stream pollers (those are stream-subscribed functions there).
  Object.assign(process.env, stack.env, { STREAM_CONSUMERS: 'off', SITE_URL: 'https://shop.example.test', NODE_ENV: 'production' });
  const { ensureDemoCatalog } = await import('../local/catalog/ensure-demo-catalog');
  await ensureDemoCatalog();

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
  await stack?.stop();
});

test('the cache handler ships inside the package', () => {
  const found = readdirSync(fnDir, { recursive: true, withFileTypes: true }).some((e) => e.isFile() && e.name === 'next-cache-handler.mjs');
  assert.ok(found, 'server/cache/next-cache-handler.mjs is not in the server function');
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
