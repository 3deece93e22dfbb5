import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { RequestCookies } from 'next/dist/compiled/@edge-runtime/cookies';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addCartItem, lineIdSchema, updateQuantitySchema } from '@/server/cart';
import { CART_COOKIE, newGuestCartId, signGuestCartId, verifyGuestCartCookie } from '@/server/cart/cart-cookie';
import { placeOrder } from '@/server/checkout';
import { idempotencyKeySchema } from '@/server/checkout/checkout-schema';
import { address, checkoutBody, putProduct, uniqueId } from '@/server/checkout/test-support/fixtures';
import { flagKeySchema, updateFlag } from '@/server/flags';
import { FLAG_DEFINITIONS } from '@/server/flags/flag-registry';
import { queryAudit } from '@/server/flags/flag-store';
import { DEFAULT_FRAUD_RULES } from '@/server/fraud/contract';
import { authenticateWithPassword, registerAccount } from '@/server/identity/cognito-accounts';
import { identitySettings } from '@/server/identity/cognito-settings';
import { isOrderId, returnRequestSchema } from '@/server/orders';
import { cognitoClient, dynamoDoc } from '@/server/platform/aws/clients';
import { getConfig } from '@/server/platform/config';
import { tableName } from '@/server/platform/db/tables';
import { AppError, type ErrorCode } from '@/server/platform/errors';
import {
  asHeaderValue,
  BODY_LIMIT,
  contentType,
  encodePathSegment,
  hostilePathParam,
  hostileQuery,
  KB,
  malformedJsonText,
  mutatedBody,
  type OversizeTransport,
  oversizedJsonText,
  oversizeTransport,
  shortHostileString,
  toJsonText,
} from './hostile-values';

// Issue 7, hostile input: every JSON route handler (method × path, dynamic segments included) is driven by
// fast-check with malformed JSON, wrong types, huge strings and odd numbers, unicode (lone surrogates, RTL and
// zero-width marks), missing and extra fields, arrays for objects, bad query strings and path params, oversized
// bodies with and without Content-Length, hostile cookies and headers. Every answer must be < 500; every 4xx must
// be the JSON error shape with a known code whose status it carries; a rejected mutation must leave the carts,
// orders, stock, idempotency records and flags it could touch exactly as they were. Where the order of checks in a
// handler makes the answer certain (foreign Origin → 403, no session → 401, oversized → 413, not JSON → 400,
// someone else's line or order → 404), the exact answer is asserted too.
//
// Bounded and reproducible: FUZZ_SEED (default below) and FUZZ_RUNS runs per route. A failure prints fast-check's
// seed and path; FUZZ_SEED=<seed> FUZZ_PATH=<path> with `-t '<route>'` replays exactly that counterexample.
// docs/hardening.md ("Hostile input") has the commands.

// next/headers' cookies() for handlers called outside Next: the Cookie header of the request being handled, plus
// whatever the handler sets (a new guest cart cookie, for one).
const jar = vi.hoisted(() => ({ cookies: new Map<string, string>(), set: new Map<string, string>() }));
// 'use cache' is a no-op outside Next, but cacheLife()/cacheTag() insist on running inside it: catalog reads run
// uncached here.
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), cacheLife: () => {}, cacheTag: () => {} }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.cookies.has(name) ? { name, value: jar.cookies.get(name)! } : undefined),
    getAll: () => [...jar.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.cookies.has(name),
    set: (name: string, value: string) => {
      jar.cookies.set(name, value);
      jar.set.set(name, value);
    },
    delete: (name: string) => {
      jar.cookies.delete(name);
      jar.set.set(name, '');
    },
  }),
}));

const SEED = Number(process.env.FUZZ_SEED ?? 7_2026_11);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const PATH = process.env.FUZZ_PATH;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const API_DIR = join(ROOT, 'app', 'api');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Every 4xx code the contract knows (API.md, server/platform/errors/index.ts); 5xx codes are failures here. */
const CLIENT_ERROR_CODES: readonly ErrorCode[] = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'INVALID_CURSOR',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'OUT_OF_STOCK',
  'ORDER_NOT_CANCELLABLE',
  'VERSION_CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'PAYMENT_DECLINED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  // The 2026-12 additions' refusals.
  'CART_CHANGED',
  'STOCK_CHANGED',
  'INVALID_DISCOUNT',
  'DISCOUNT_UNAVAILABLE',
  'AUTHENTICATION_REQUIRED',
  'CARD_DATA_NOT_ACCEPTED',
  'NOT_VERIFIED_BUYER',
  'ALREADY_REVIEWED',
];
const statusOf = (code: ErrorCode) => new AppError(code, '').status;

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: two shoppers (A fuzzes, B is the victim of IDOR attempts), a guest cart G, the marketer, an account C
// for the account routes, a product with plenty of stock, a line in each cart and an order for A and for B.

type Fx = {
  site: string;
  a: { id: string; token: string; lineId: string; orderId: string; cancelOrderId: string };
  b: { id: string; lineId: string; orderId: string };
  g: { id: string; cookie: string; lineId: string };
  marketer: { token: string };
  /** A session of shopper c that POST /api/auth/sign-out may end: signing out revokes the access token at once. */
  leaver: { token: string };
  ops: { token: string };
  c: { email: string; password: string };
  product: { id: string; slug: string };
  scarce: { id: string };
  /** Real next-page cursors, for the query templates to keep or spoil. */
  cursors: { products: string; search: string; orders: string; flagHistory: string };
  forgedTokens: string[];
  flagEntryId: string;
  flagVersion: number;
  baseline: { cartA: unknown; cartB: unknown; cartG: unknown; flags: Record<string, FlagState> };
};
type FlagState = { enabled: unknown; rolloutPercent: unknown; audience: unknown };
let fx: Fx;

const FUZZ_FLAG = 'free-shipping-banner';
const FLAG_KEYS = FLAG_DEFINITIONS.map((d) => d.key);

async function getItem(table: Parameters<typeof tableName>[0], key: Record<string, unknown>): Promise<Record<string, unknown> | null> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName(table), Key: key, ConsistentRead: true }));
  return (out.Item as Record<string, unknown> | undefined) ?? null;
}

async function newShopper(
  prefix: string,
): Promise<{ id: string; email: string; password: string; token: string; idToken: string; claims: Record<string, unknown> }> {
  const email = `${prefix}-${uniqueId('fz')}@example.com`;
  const password = 'Fuzz-pass-123';
  await registerAccount({ email, password, name: `Fuzz ${prefix}` });
  const tokens = await authenticateWithPassword({ email, password });
  const claims = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { id: String(claims.sub), email, password, token: tokens.accessToken, idToken: tokens.idToken!, claims };
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Tokens that must never be a session: alg none, expired, wrong key, wrong issuer, HS256, ID token, mangled. */
async function forgedTokensFor(user: { token: string; idToken: string; claims: Record<string, unknown> }): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const poolKey = await importJWK((require('cognito-local/lib/keys/cognitoLocal.private.json') as { jwk: JWK }).jwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ ...user.claims, ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(poolKey);
  const { privateKey } = await generateKeyPair('RS256');
  const [head, payload, signature] = user.token.split('.') as [string, string, string];
  return [
    `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(user.claims)}.`,
    `${b64url({ alg: 'none' })}.${b64url({ ...user.claims, 'cognito:groups': ['marketers'] })}.`,
    await sign({ iat: now - 7200, exp: now - 3600 }),
    await sign({ iss: `${identitySettings()!.issuer}-evil` }),
    await sign({ token_use: 'id' }),
    await sign({ client_id: 'someone-else' }),
    await new SignJWT(user.claims).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(privateKey),
    await new SignJWT(user.claims).setProtectedHeader({ alg: 'HS256', kid: 'CognitoLocal' }).sign(new TextEncoder().encode('secret')),
    user.idToken,
    `${head}.${b64url({ ...user.claims, 'cognito:groups': ['marketers'] })}.${signature}`,
    `${head}.${payload}.${signature.slice(0, -4)}AAAA`,
    `${head}.${payload}`,
    'not-a-token',
    '...',
    `${'A'.repeat(100 * KB)}.${'B'.repeat(10)}.C`,
  ];
}

async function cartLineIds(cartId: string): Promise<string[]> {
  const cart = await getItem('carts', { cartId });
  return ((cart?.lines as { lineId: string }[] | undefined) ?? []).map((l) => l.lineId);
}

async function flagStates(): Promise<Record<string, FlagState>> {
  const out: Record<string, FlagState> = {};
  for (const key of FLAG_KEYS) {
    const item = await getItem('flags', { key });
    out[key] = { enabled: item?.enabled, rolloutPercent: item?.rolloutPercent, audience: item?.audience };
  }
  return out;
}

beforeAll(async () => {
  const site = getConfig().SITE_URL.replace(/\/+$/, '');
  const product = await putProduct({
    variants: [
      { id: 'v1', price: 1_250, stock: 100_000 },
      { id: 'v2', price: 2_500, stock: 100_000 },
    ],
  });
  const scarce = await putProduct({ variants: [{ id: 'v1', price: 900, stock: 1 }] });
  const [a, b, c] = [await newShopper('fuzz-a'), await newShopper('fuzz-b'), await newShopper('fuzz-c')];
  const marketer = await authenticateWithPassword({ email: 'marketer@example.com', password: 'Marketer-pass-1' });
  const ops = await authenticateWithPassword({ email: 'ops@example.com', password: 'Operations-pass-1' });

  // Orders for A (two, so there is a next page) and B (the IDOR target), then a line in each cart.
  const orderIds: string[] = [];
  for (const user of [a, a, b, a]) {
    await addCartItem({ kind: 'user', userId: user.id }, { productId: product.id, variantId: 'v1', quantity: 1 });
    orderIds.push((await placeOrder({ userId: user.id, idempotencyKey: crypto.randomUUID(), body: checkoutBody() })).order.id);
    await addCartItem({ kind: 'user', userId: user.id }, { productId: product.id, variantId: 'v1', quantity: 2 });
  }
  const guestId = newGuestCartId();
  await addCartItem({ kind: 'guest', guestId }, { productId: product.id, variantId: 'v2', quantity: 1 });

  // Two more history entries for the flag the admin routes are fuzzed on (a change and its undo), so its history
  // has a next page and an entry to revert to.
  const fuzzer = { id: 'fuzz-setup', email: 'fuzz@example.com', name: 'fuzz', groups: ['marketers'] };
  const seeded = (await getItem('flags', { key: FUZZ_FLAG }))!;
  const changed = await updateFlag(fuzzer, FUZZ_FLAG, {
    rolloutPercent: Number(seeded.rolloutPercent) === 100 ? 99 : 100,
    expectedVersion: Number(seeded.version),
  });
  await updateFlag(fuzzer, FUZZ_FLAG, { rolloutPercent: Number(seeded.rolloutPercent), expectedVersion: changed.version });
  const [flagEntry] = await queryAudit(FUZZ_FLAG, 1);
  expect(flagEntry, `${FUZZ_FLAG} has history (seeded by the stack)`).toBeDefined();
  const stored = await getItem('flags', { key: FUZZ_FLAG });

  fx = {
    site,
    a: { id: a.id, token: a.token, lineId: (await cartLineIds(`user#${a.id}`))[0]!, orderId: orderIds[0]!, cancelOrderId: orderIds[3]! },
    b: { id: b.id, lineId: (await cartLineIds(`user#${b.id}`))[0]!, orderId: orderIds[2]! },
    g: { id: guestId, cookie: signGuestCartId(guestId, getConfig().SESSION_SECRET), lineId: (await cartLineIds(`guest#${guestId}`))[0]! },
    marketer: { token: marketer.accessToken },
    leaver: { token: c.token },
    ops: { token: ops.accessToken },
    c: { email: c.email, password: c.password },
    product: { id: product.id, slug: product.slug },
    scarce: { id: scarce.id },
    cursors: { products: '', search: '', orders: '', flagHistory: '' },
    forgedTokens: await forgedTokensFor(a),
    flagEntryId: flagEntry!.entryId,
    flagVersion: Number(stored?.version ?? 0),
    baseline: {
      cartA: await getItem('carts', { cartId: `user#${a.id}` }),
      cartB: await getItem('carts', { cartId: `user#${b.id}` }),
      cartG: await getItem('carts', { cartId: `guest#${guestId}` }),
      flags: await flagStates(),
    },
  };
  for (const id of [fx.a.lineId, fx.b.lineId, fx.g.lineId]) expect(lineIdSchema.safeParse(id).success).toBe(true);

  const nextCursor = async (path: string, cookie = '') => {
    const spec = ROUTES.find((r) => r.method === 'GET' && r.path === path.replace(/\?.*$/, '').replace(FUZZ_FLAG, '[key]'))!;
    const res = await call(spec, new Request(`${site}${path}`, { headers: cookie ? { cookie } : {} }), path.includes(FUZZ_FLAG) ? { key: FUZZ_FLAG } : {});
    const text = await res.text();
    const cursor = (JSON.parse(text) as { nextCursor?: string | null }).nextCursor;
    expect(cursor, `a next page for ${path}: ${res.status} ${text.slice(0, 300)}`).toEqual(expect.any(String));
    return cursor!;
  };
  fx.cursors = {
    products: await nextCursor('/api/products?sort=price-asc&limit=1'),
    search: await nextCursor('/api/search?q=test%20product&limit=1'),
    orders: await nextCursor('/api/orders?limit=1', `sf_at=${a.token}`),
    flagHistory: await nextCursor(`/api/admin/flags/${FUZZ_FLAG}/history?limit=1`, `sf_at=${marketer.accessToken}`),
  };
}, 120_000);

/** Puts every fixture back after a request that was allowed to change it (a 2xx), so the next run starts alike. */
async function restoreFixtures(): Promise<void> {
  for (const [cartId, item] of [
    [`user#${fx.a.id}`, fx.baseline.cartA],
    [`user#${fx.b.id}`, fx.baseline.cartB],
    [`guest#${fx.g.id}`, fx.baseline.cartG],
  ] as const) {
    const current = await getItem('carts', { cartId });
    if (JSON.stringify(current) !== JSON.stringify(item))
      await dynamoDoc().send(new PutCommand({ TableName: tableName('carts'), Item: item as Record<string, unknown> }));
  }
  const now = await flagStates();
  for (const key of FLAG_KEYS) {
    const want = fx.baseline.flags[key]!;
    if (JSON.stringify(now[key]) === JSON.stringify(want)) continue;
    const stored = await getItem('flags', { key });
    await updateFlag({ id: 'fuzz-restore', email: 'fuzz@example.com', name: 'fuzz', groups: ['marketers'] }, key, {
      enabled: want.enabled as boolean,
      rolloutPercent: want.rolloutPercent as number,
      audience: want.audience as never,
      expectedVersion: Number(stored?.version ?? 0),
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The route table: one entry per exported handler (checked against app/api on disk below).

type Auth = 'public' | 'user' | 'marketer' | 'operations';
type Caller = 'a' | 'marketer' | 'ops' | 'guest' | 'forged';
type Watch = 'cartA' | 'cartB' | 'cartG' | 'ordersA' | 'stock' | 'idempotency' | 'flags' | 'signUpUser';

type RouteSpec = {
  method: (typeof METHODS)[number];
  /** As on disk under app/, dynamic segments in brackets. */
  path: string;
  auth: Auth;
  /** Cookie-authenticated mutation: the handler checks Origin before anything else. */
  mutation?: boolean;
  /** A JSON body parsed with a schema: a valid example (built from the fixtures) and parseJsonBody's limit. */
  body?: { template: () => Record<string, unknown>; variants?: () => Record<string, unknown>[]; limit?: number };
  /** Query parameters the route reads, and a valid query to mutate. */
  query?: readonly string[];
  queryTemplate?: () => Record<string, string>;
  /** Dynamic segments: an arbitrary for each. */
  params?: Record<string, () => fc.Arbitrary<string>>;
  /** False when the handler validates its params before the body (so a body-class answer is not certain). */
  paramsBeforeBody?: (params: Record<string, string>) => boolean;
  /** Every status the route may answer to hostile input. */
  statuses: readonly number[];
  /** Fixtures a rejected request must leave unchanged. */
  watch?: readonly Watch[];
  /** Route-specific certain answers (IDOR and the like); null when nothing more is certain. */
  certain?: (c: Case) => { status: number; code?: ErrorCode } | null;
  /** Headers the route reads (an arbitrary of extra [name, value] pairs). */
  headers?: () => fc.Arbitrary<[string, string][]>;
  /** A JSON-RPC endpoint (MCP): its protocol errors are JSON-RPC error objects; the shop's own refusals keep the shape. */
  jsonRpc?: true;
};

const ownLine = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(fx.a.lineId) },
    { weight: 2, arbitrary: fc.constantFrom(fx.b.lineId, fx.g.lineId) },
    { weight: 3, arbitrary: hostilePathParam },
  );
const flagKey = () =>
  fc.oneof({ weight: 6, arbitrary: fc.constant(FUZZ_FLAG) }, { weight: 1, arbitrary: fc.constant('no-such-flag') }, { weight: 3, arbitrary: hostilePathParam });
const validFlagKey = (p: Record<string, string>) => flagKeySchema.safeParse(p.key).success;
/** Any shopper's order (operations see them all), one that never existed, and hostile ids. */
const anyOrderId = (own: () => string) => () =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(own(), fx.b.orderId) },
    { weight: 1, arbitrary: fc.constant('ord_000000000zzzzzzzz') },
    { weight: 3, arbitrary: hostilePathParam },
  );
const validOrderId = (p: Record<string, string>) => isOrderId(p.id ?? '');
/** Operations' certain answers on [id]: a malformed id is a 404 before anything is read. */
const opsOrderCertain = (c: Case): { status: number; code?: ErrorCode } | null => (isOrderId(c.params.id ?? '') ? null : { status: 404, code: 'NOT_FOUND' });
const idempotencyKey = () =>
  fc
    .oneof({ weight: 3, arbitrary: fc.uuid() }, { weight: 1, arbitrary: shortHostileString.map(asHeaderValue) })
    .map((k): [string, string][] => [['idempotency-key', k]]);

/** The cookies as the server reads them (Next's parser; server/identity/session-cookies.ts agrees with it). */
function serverCookies(c: Case): RequestCookies {
  return new RequestCookies(new Headers({ cookie: cookieHeader(c) }));
}

/** Who the request really is: a hostile second sf_at after the caller's own replaces it (the last one counts). */
function effectiveCaller(c: Case): Caller {
  const token = serverCookies(c).get('sf_at')?.value;
  if (token === fx.a.token) return 'a';
  if (token === fx.marketer.token) return 'marketer';
  if (token === fx.ops.token) return 'ops';
  return token ? 'forged' : 'guest';
}

/** The lines the caller's cart holds (the only ones it may change). */
function callerLines(c: Case): string[] {
  const caller = effectiveCaller(c);
  if (caller === 'a') return [fx.a.lineId];
  if (caller === 'marketer' || caller === 'ops') return [];
  return serverCookies(c).get(CART_COOKIE)?.value === fx.g.cookie ? [fx.g.lineId] : [];
}

function parsedBody(c: Case): unknown {
  if (c.body?.kind !== 'json') return undefined;
  try {
    return JSON.parse(c.body.text);
  } catch {
    return undefined;
  }
}

// Routes of the 2026-12 additions (accounts, guests, promotions, engagement, merchandising, analytics, payments).
// The generic properties hold for each (never a 5xx, the JSON error shape, the certain answers of its auth and
// body); their own integration suites check what they mean.
const anyId = () => fc.oneof({ weight: 1, arbitrary: fc.constant('no-such-id') }, { weight: 3, arbitrary: hostilePathParam });
const ADDITION_ROUTES: RouteSpec[] = [
  { method: 'GET', path: '/api/account', auth: 'user', statuses: [200, 401] },
  {
    method: 'PATCH',
    path: '/api/account',
    auth: 'user',
    mutation: true,
    body: { template: () => ({ name: 'Fuzz Shopper' }) },
    statuses: [200, 400, 401, 403, 413],
  },
  {
    method: 'DELETE',
    path: '/api/account',
    auth: 'user',
    mutation: true,
    // A wrong password only: the fuzz shopper must survive the run.
    body: { template: () => ({ password: 'Not-the-password-1' }) },
    statuses: [400, 401, 403, 413, 429],
  },
  { method: 'GET', path: '/api/account/addresses', auth: 'user', statuses: [200, 401] },
  {
    method: 'POST',
    path: '/api/account/addresses',
    auth: 'user',
    mutation: true,
    body: { template: () => ({ ...address, isDefault: false }) },
    statuses: [201, 400, 401, 403, 409, 413],
  },
  {
    method: 'PATCH',
    path: '/api/account/addresses/[id]',
    auth: 'user',
    mutation: true,
    params: { id: anyId },
    body: { template: () => ({ city: 'Oakland' }) },
    paramsBeforeBody: () => false,
    statuses: [200, 400, 401, 403, 404, 413],
  },
  { method: 'DELETE', path: '/api/account/addresses/[id]', auth: 'user', mutation: true, params: { id: anyId }, statuses: [204, 400, 401, 403, 404] },
  {
    method: 'POST',
    path: '/api/account/password',
    auth: 'user',
    mutation: true,
    body: { template: () => ({ currentPassword: 'Not-the-password-1', newPassword: 'Another-pass-42' }) },
    statuses: [400, 401, 403, 413, 429],
  },
  {
    method: 'GET',
    path: '/api/admin/analytics/summary',
    auth: 'marketer',
    query: ['from', 'to'],
    queryTemplate: () => ({ from: '2026-11-01', to: '2026-11-30' }),
    statuses: [200, 400, 401, 403],
  },
  { method: 'POST', path: '/api/admin/campaigns', auth: 'marketer', mutation: true, statuses: [201, 400, 401, 403, 413] },
  { method: 'POST', path: '/api/admin/campaigns/preview', auth: 'marketer', mutation: true, statuses: [200, 400, 401, 403, 413] },
  { method: 'GET', path: '/api/admin/campaigns/[id]', auth: 'marketer', params: { id: anyId }, statuses: [200, 400, 401, 403, 404] },
  { method: 'POST', path: '/api/admin/campaigns/[id]/send', auth: 'marketer', mutation: true, params: { id: anyId }, statuses: [202, 400, 401, 403, 404, 409] },
  {
    method: 'GET',
    path: '/api/admin/products',
    auth: 'marketer',
    query: ['q', 'cursor', 'limit'],
    queryTemplate: () => ({ q: 'test', limit: '5' }),
    statuses: [200, 400, 401, 403],
  },
  { method: 'GET', path: '/api/admin/products/[id]', auth: 'marketer', params: { id: anyId }, statuses: [200, 400, 401, 403, 404] },
  {
    method: 'PATCH',
    path: '/api/admin/products/[id]',
    auth: 'marketer',
    mutation: true,
    // Hostile ids only (and a stale version): the fixture product's stock must stay as the checkout routes expect.
    params: { id: anyId },
    body: { template: () => ({ published: true, expectedVersion: 0 }) },
    paramsBeforeBody: () => false,
    statuses: [200, 400, 401, 403, 404, 409, 413],
    watch: ['stock'],
  },
  {
    method: 'POST',
    path: '/api/admin/products/[id]/images',
    auth: 'marketer',
    mutation: true,
    params: { id: anyId },
    statuses: [200, 400, 401, 403, 404, 429],
  },
  {
    method: 'GET',
    path: '/api/admin/products/[id]/history',
    auth: 'marketer',
    params: { id: anyId },
    query: ['cursor', 'limit'],
    statuses: [200, 400, 401, 403, 404],
  },
  { method: 'GET', path: '/api/admin/promotions', auth: 'marketer', statuses: [200, 401, 403] },
  {
    method: 'POST',
    path: '/api/admin/promotions',
    auth: 'marketer',
    mutation: true,
    // Refused by validation (a percent over 100), so no code is created by the run.
    body: { template: () => ({ code: 'FUZZ', description: 'Fuzz', kind: 'percent', value: 101 }) },
    statuses: [201, 400, 401, 403, 409, 413],
  },
  {
    method: 'PATCH',
    path: '/api/admin/promotions/[code]',
    auth: 'marketer',
    mutation: true,
    params: { code: anyId },
    body: { template: () => ({ active: false, expectedVersion: 0 }) },
    paramsBeforeBody: () => false,
    statuses: [200, 400, 401, 403, 404, 409, 413],
  },
  {
    method: 'GET',
    path: '/api/admin/promotions/[code]/history',
    auth: 'marketer',
    params: { code: anyId },
    query: ['cursor', 'limit'],
    statuses: [200, 400, 401, 403, 404],
  },
  {
    method: 'GET',
    path: '/api/admin/reviews',
    auth: 'marketer',
    query: ['status', 'cursor', 'limit'],
    queryTemplate: () => ({ status: 'PENDING' }),
    statuses: [200, 400, 401, 403],
  },
  {
    method: 'PATCH',
    path: '/api/admin/reviews/[id]',
    auth: 'marketer',
    mutation: true,
    params: { id: anyId },
    body: { template: () => ({ status: 'APPROVED' }) },
    paramsBeforeBody: () => false,
    statuses: [200, 400, 401, 403, 404, 409, 413],
  },
  {
    method: 'POST',
    path: '/api/cart/discount',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ code: 'NO-SUCH-CODE' }) },
    statuses: [200, 400, 401, 403, 404, 413, 429],
    watch: ['cartA', 'cartB', 'cartG'],
  },
  {
    method: 'DELETE',
    path: '/api/cart/discount/[code]',
    auth: 'public',
    mutation: true,
    params: { code: anyId },
    statuses: [200, 400, 401, 403, 404],
    watch: ['cartA', 'cartB', 'cartG'],
  },
  {
    method: 'POST',
    path: '/api/orders/lookup',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ email: 'nobody@example.com', orderId: 'ord_000000000zzzzzzzz' }) },
    statuses: [200, 400, 403, 404, 413, 429],
  },
  { method: 'POST', path: '/api/payments/webhooks/stripe', auth: 'public', statuses: [200, 400, 401, 404, 413] },
  {
    method: 'POST',
    path: '/api/price-alerts',
    auth: 'user',
    mutation: true,
    body: { template: () => ({ productId: 'no-such-product' }) },
    statuses: [201, 400, 401, 403, 404, 409, 413],
  },
  {
    method: 'DELETE',
    path: '/api/price-alerts',
    auth: 'user',
    mutation: true,
    body: { template: () => ({ productId: 'no-such-product' }) },
    statuses: [200, 204, 400, 401, 403, 404, 413],
  },
  {
    method: 'GET',
    path: '/api/products/[slug]/reviews',
    auth: 'public',
    params: { slug: () => fc.oneof(fc.constant(fx.product.slug), hostilePathParam) },
    query: ['sort', 'cursor', 'limit'],
    queryTemplate: () => ({ sort: 'rating-desc', limit: '5' }),
    statuses: [200, 400, 404],
  },
  {
    method: 'POST',
    path: '/api/products/[slug]/reviews',
    auth: 'user',
    mutation: true,
    // The fuzz shopper never received the fixture product: every valid review is 403 NOT_VERIFIED_BUYER.
    params: { slug: () => fc.oneof(fc.constant(fx.product.slug), hostilePathParam) },
    body: { template: () => ({ rating: 4, title: 'Fuzzy review', body: 'A review the fuzzer writes.' }) },
    paramsBeforeBody: () => false,
    statuses: [201, 400, 401, 403, 404, 409, 413],
  },
  { method: 'GET', path: '/api/recently-viewed', auth: 'public', query: ['exclude', 'limit'], statuses: [200, 400] },
  { method: 'GET', path: '/api/shopper', auth: 'public', query: ['include', 'productId'], statuses: [200, 400] },
  {
    method: 'POST',
    path: '/api/stock-alerts',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ productId: fx.product.id, variantId: 'v1', email: 'fuzz-alert@example.com' }) },
    statuses: [201, 400, 401, 403, 404, 409, 413, 429],
  },
  { method: 'GET', path: '/api/unsubscribe', auth: 'public', query: ['u', 't'], statuses: [200, 400, 404] },
  { method: 'POST', path: '/api/unsubscribe', auth: 'public', query: ['u', 't'], statuses: [200, 204, 400, 404] },
  {
    method: 'POST',
    path: '/api/page-views',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ path: '/c/coffee' }) },
    statuses: [204, 400, 403, 413, 429],
  },
  {
    method: 'POST',
    path: '/api/vitals',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ name: 'LCP', value: 1234, path: '/c/coffee' }) },
    statuses: [204, 400, 403, 413, 429],
  },
  {
    // The MCP server (docs/agents.md): JSON-RPC over Streamable HTTP; the caller is resolved before the body.
    method: 'POST',
    path: '/api/mcp',
    auth: 'public',
    body: { template: () => ({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }), limit: 64 * 1024 },
    paramsBeforeBody: () => false,
    statuses: [200, 202, 400, 401, 403, 404, 405, 406, 413, 415, 429],
    jsonRpc: true,
  },
  {
    method: 'POST',
    path: '/api/views',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ productId: fx.product.id }) },
    statuses: [204, 400, 403, 404, 413, 429],
  },
  { method: 'GET', path: '/api/wishlist', auth: 'public', statuses: [200] },
  {
    method: 'POST',
    path: '/api/wishlist/items',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ productId: fx.product.id }) },
    statuses: [200, 201, 400, 403, 404, 409, 413],
  },
  {
    method: 'DELETE',
    path: '/api/wishlist/items/[productId]',
    auth: 'public',
    mutation: true,
    params: { productId: () => fc.oneof(fc.constant(fx.product.id), hostilePathParam) },
    statuses: [200, 400, 403, 404],
  },
];

const ROUTES: RouteSpec[] = [
  ...ADDITION_ROUTES,
  { method: 'GET', path: '/api/categories', auth: 'public', statuses: [200] },
  {
    method: 'GET',
    path: '/api/products',
    auth: 'public',
    query: ['category', 'sort', 'cursor', 'limit'],
    queryTemplate: () => ({ sort: 'price-asc', limit: '5', cursor: fx.cursors.products }),
    statuses: [200, 400, 404],
  },
  {
    method: 'GET',
    path: '/api/products/[slug]',
    auth: 'public',
    params: { slug: () => fc.oneof(fc.constant(fx.product.slug), hostilePathParam) },
    statuses: [200, 404],
    certain: (c) => (c.params.slug === fx.product.slug ? { status: 200 } : null),
  },
  {
    method: 'GET',
    path: '/api/search',
    auth: 'public',
    query: ['q', 'category', 'minPrice', 'maxPrice', 'minRating', 'inStock', 'sort', 'cursor', 'limit'],
    queryTemplate: () => ({
      q: 'test product',
      minPrice: '100',
      maxPrice: '5000',
      minRating: '3',
      inStock: 'true',
      sort: 'price-desc',
      limit: '5',
      cursor: fx.cursors.search,
    }),
    statuses: [200, 400],
  },
  {
    method: 'GET',
    path: '/api/search/suggest',
    auth: 'public',
    query: ['q', 'limit'],
    queryTemplate: () => ({ q: 'hedph', limit: '6' }),
    statuses: [200, 400],
  },
  { method: 'GET', path: '/api/top-sellers', auth: 'public', query: ['limit'], queryTemplate: () => ({ limit: '5' }), statuses: [200, 400] },
  {
    method: 'GET',
    path: '/api/recommendations',
    auth: 'public',
    query: ['productId', 'limit'],
    queryTemplate: () => ({ productId: fx.product.id, limit: '4' }),
    statuses: [200, 400, 401],
  },
  {
    method: 'GET',
    path: '/api/stores',
    auth: 'public',
    query: ['q', 'lat', 'lng', 'limit'],
    queryTemplate: () => ({ q: 'Seattle', lat: '47.6', lng: '-122.3', limit: '3' }),
    statuses: [200, 400],
  },
  {
    method: 'GET',
    path: '/api/stores/suggestions',
    auth: 'public',
    query: ['q', 'limit'],
    queryTemplate: () => ({ q: 'Sea', limit: '5' }),
    statuses: [200, 400],
  },
  {
    method: 'GET',
    path: '/api/stores/delivery-estimate',
    auth: 'public',
    query: ['address', 'method'],
    queryTemplate: () => ({ address: '1 Analytical Way, San Francisco, CA 94105', method: 'express' }),
    statuses: [200, 400],
  },
  {
    method: 'POST',
    path: '/api/assistant',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ text: 'where is my order', sessionId: 'fuzz-session-1' }), limit: 4 * KB },
    statuses: [200, 400, 403, 413],
  },
  {
    method: 'POST',
    path: '/api/auth/sign-up',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ email: `fuzz-signup-${SEED}-${Date.now().toString(36)}@example.com`, password: 'Sturdy-pass-42', name: 'Fuzz Signup' }) },
    statuses: [201, 400, 403, 409, 413, 429],
    watch: ['signUpUser'],
  },
  {
    method: 'POST',
    path: '/api/auth/confirm',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ email: fx.c.email, code: '123456' }) },
    statuses: [200, 400, 403, 409, 413, 429],
  },
  {
    method: 'POST',
    path: '/api/auth/forgot-password',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ email: fx.c.email }) },
    statuses: [200, 400, 403, 413, 429],
  },
  {
    method: 'POST',
    path: '/api/auth/reset-password',
    auth: 'public',
    mutation: true,
    body: { template: () => ({ email: fx.c.email, code: '123456', password: 'Sturdy-pass-42' }) },
    statuses: [200, 400, 403, 413, 429],
  },
  {
    method: 'POST',
    path: '/api/auth/sign-in',
    auth: 'public',
    mutation: true,
    body: {
      template: () => ({ email: fx.c.email, password: fx.c.password }),
      variants: () => [
        { email: fx.c.email, password: 'Wrong-pass-1' },
        { email: 'nobody@example.com', password: 'x' },
      ],
    },
    statuses: [200, 400, 401, 403, 413, 429],
    watch: ['cartA', 'cartB'],
  },
  {
    method: 'POST',
    path: '/api/auth/sign-out',
    auth: 'public',
    mutation: true,
    statuses: [204, 303, 403],
    certain: (c) => (c.origin.kind === 'foreign' ? null : { status: (c.contentType ?? '').startsWith('application/x-www-form-urlencoded') ? 303 : 204 }),
  },
  { method: 'GET', path: '/api/me', auth: 'user', statuses: [200, 401], certain: () => ({ status: 200 }) },
  { method: 'GET', path: '/api/cart', auth: 'public', statuses: [200], watch: ['cartA', 'cartB', 'cartG'] },
  {
    method: 'POST',
    path: '/api/cart/items',
    auth: 'public',
    mutation: true,
    body: {
      template: () => ({ productId: fx.product.id, variantId: 'v1', quantity: 1 }),
      // Over the stock of the scarce product (409), past the line maximum with what is in the cart (400), no such variant (404).
      variants: () => [
        { productId: fx.scarce.id, variantId: 'v1', quantity: 2 },
        { productId: fx.product.id, variantId: 'v1', quantity: 99 },
        { productId: fx.product.id, variantId: 'v9' },
      ],
    },
    statuses: [200, 400, 403, 404, 409, 413],
    watch: ['cartA', 'cartB', 'cartG'],
  },
  {
    method: 'PATCH',
    path: '/api/cart/items/[lineId]',
    auth: 'public',
    mutation: true,
    params: { lineId: ownLine },
    body: { template: () => ({ quantity: 3 }), variants: () => [{ quantity: 0 }, { quantity: 99 }] },
    statuses: [200, 400, 403, 404, 409, 413],
    watch: ['cartA', 'cartB', 'cartG'],
    // Someone else's line (B's, G's for a non-guest) is the same 404 as no line at all.
    certain: (c) =>
      updateQuantitySchema.safeParse(parsedBody(c)).success && !callerLines(c).includes(c.params.lineId!) ? { status: 404, code: 'NOT_FOUND' } : null,
  },
  {
    method: 'DELETE',
    path: '/api/cart/items/[lineId]',
    auth: 'public',
    mutation: true,
    params: { lineId: ownLine },
    statuses: [200, 403, 404],
    watch: ['cartA', 'cartB', 'cartG'],
    certain: (c) => (callerLines(c).includes(c.params.lineId!) ? { status: 200 } : { status: 404, code: 'NOT_FOUND' }),
  },
  {
    method: 'POST',
    path: '/api/checkout',
    // Guests check out too (a cart cookie and an email): no session is not a certain 401 any more.
    auth: 'public',
    mutation: true,
    body: {
      template: () => checkoutBody(),
      // Declined and insufficient-funds cards (402, nothing written), express shipping, a Canadian address, a state
      // its ZIP code contradicts (400), a total other than the cart's (409 CART_CHANGED, nothing written).
      variants: () => [
        checkoutBody('4000 0000 0000 0002'),
        checkoutBody('4000 0000 0000 9995'),
        { ...checkoutBody(), shippingMethod: 'express' },
        { ...checkoutBody(), shippingAddress: { name: 'Zoë', line1: '1 Rue', city: 'Montréal', region: 'QC', postalCode: 'H2X 1Y4', country: 'CA' } },
        {
          ...checkoutBody(),
          shippingAddress: { name: 'Ada', line1: '1 Analytical Way', city: 'San Francisco', region: 'OR', postalCode: '94105', country: 'US' },
        },
        checkoutBody(undefined, { expectedTotal: { amount: 1, currency: 'USD' } }),
      ],
    },
    headers: idempotencyKey,
    statuses: [201, 400, 401, 402, 403, 404, 409, 413, 429],
    watch: ['cartA', 'cartB', 'ordersA', 'stock', 'idempotency'],
  },
  {
    method: 'GET',
    path: '/api/checkout/quote',
    auth: 'public',
    query: ['country', 'region', 'postalCode', 'shippingMethod'],
    queryTemplate: () => ({ country: 'US', region: 'CA', postalCode: '94105', shippingMethod: 'express' }),
    statuses: [200, 400, 401],
  },
  {
    method: 'GET',
    path: '/api/orders',
    auth: 'user',
    query: ['cursor', 'limit'],
    queryTemplate: () => ({ limit: '1', cursor: fx.cursors.orders }),
    statuses: [200, 400, 401],
  },
  {
    method: 'GET',
    path: '/api/orders/[id]',
    auth: 'user',
    params: { id: () => fc.oneof(fc.constantFrom(fx.a.orderId, fx.b.orderId), hostilePathParam) },
    statuses: [200, 401, 404],
    // B's order is as absent for A as an order that never existed.
    certain: (c) => (c.params.id === fx.a.orderId ? { status: 200 } : { status: 404, code: 'NOT_FOUND' }),
  },
  {
    method: 'POST',
    path: '/api/orders/[id]/cancel',
    auth: 'user',
    mutation: true,
    params: { id: () => fc.oneof(fc.constantFrom(fx.a.orderId, fx.b.orderId), hostilePathParam) },
    statuses: [200, 401, 403, 404, 409],
    watch: ['ordersA', 'stock'],
    // B's order is as absent for A as one that never existed; A's own is cancelled once, then 409.
    certain: (c) => (c.params.id === fx.a.orderId ? null : { status: 404, code: 'NOT_FOUND' }),
  },
  {
    method: 'POST',
    path: '/api/orders/[id]/returns',
    auth: 'user',
    mutation: true,
    params: { id: () => fc.oneof(fc.constantFrom(fx.a.orderId, fx.b.orderId), hostilePathParam) },
    // The order and the caller's access to it (session, guest cookie or emailed link) are read before the body.
    paramsBeforeBody: () => false,
    body: {
      template: () => ({ lines: [{ variantId: 'v', quantity: 1 }], reason: 'Too small' }),
      variants: () => [{ lines: [{ variantId: 'v', quantity: 99 }], reason: 'x' }],
    },
    statuses: [201, 400, 401, 403, 404, 409, 413],
    watch: ['ordersA', 'stock'],
    // Placed, not delivered: A's own order is a 409 for any valid body, anyone else's a 404.
    certain: (c) =>
      returnRequestSchema.safeParse(parsedBody(c)).success
        ? c.params.id === fx.a.orderId
          ? { status: 409, code: 'CONFLICT' }
          : { status: 404, code: 'NOT_FOUND' }
        : null,
  },
  {
    method: 'GET',
    path: '/api/orders/[id]/events',
    auth: 'user',
    // Never A's own order here: that answer is an endless event stream (covered by server/fulfilment tests).
    params: { id: () => fc.oneof(fc.constant(fx.b.orderId), hostilePathParam) },
    statuses: [401, 404],
    certain: () => ({ status: 404, code: 'NOT_FOUND' }),
  },
  { method: 'GET', path: '/api/admin/flags', auth: 'marketer', statuses: [200, 401, 403], certain: () => ({ status: 200 }) },
  {
    method: 'PATCH',
    path: '/api/admin/flags/[key]',
    auth: 'marketer',
    mutation: true,
    params: { key: flagKey },
    paramsBeforeBody: validFlagKey,
    body: { template: () => ({ enabled: true, expectedVersion: fx.flagVersion }) },
    statuses: [200, 400, 401, 403, 404, 409, 413],
    watch: ['flags'],
  },
  {
    method: 'GET',
    path: '/api/admin/flags/[key]/history',
    auth: 'marketer',
    params: { key: flagKey },
    query: ['limit', 'cursor'],
    queryTemplate: () => ({ limit: '1', cursor: fx.cursors.flagHistory }),
    statuses: [200, 400, 401, 403, 404],
  },
  {
    method: 'POST',
    path: '/api/admin/flags/[key]/revert',
    auth: 'marketer',
    mutation: true,
    params: { key: flagKey },
    paramsBeforeBody: validFlagKey,
    body: { template: () => ({ entryId: fx.flagEntryId, expectedVersion: fx.flagVersion }) },
    statuses: [200, 400, 401, 403, 404, 409, 413],
    watch: ['flags'],
  },
  // Every /api path no route serves (issue 19.7): the JSON 404 whatever the method, the body never read.
  ...(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map(
    (method): RouteSpec => ({ method, path: '/api/[[...unknown]]', auth: 'public', statuses: [404], certain: () => ({ status: 404, code: 'NOT_FOUND' }) }),
  ),
  // The operations console (group `operations`): every shopper's orders, cancel, refund, the dead-letter queue.
  {
    method: 'GET',
    path: '/api/admin/orders',
    auth: 'operations',
    query: ['status', 'q', 'cursor', 'limit'],
    queryTemplate: () => ({ status: 'PLACED', q: fx.a.orderId, limit: '5' }),
    statuses: [200, 400, 401, 403],
  },
  {
    method: 'GET',
    path: '/api/admin/orders/[id]',
    auth: 'operations',
    params: { id: anyOrderId(() => fx.a.orderId) },
    statuses: [200, 401, 403, 404],
    certain: (c) => opsOrderCertain(c) ?? (c.params.id === fx.a.orderId || c.params.id === fx.b.orderId ? { status: 200 } : null),
  },
  {
    method: 'POST',
    path: '/api/admin/orders/[id]/cancel',
    auth: 'operations',
    mutation: true,
    // Its own order: the first allowed cancel succeeds, every later one is 409 ORDER_NOT_CANCELLABLE.
    params: { id: anyOrderId(() => fx.a.cancelOrderId) },
    statuses: [200, 401, 403, 404, 409],
    watch: ['ordersA'],
    certain: opsOrderCertain,
  },
  {
    method: 'POST',
    path: '/api/admin/orders/[id]/refund',
    auth: 'operations',
    mutation: true,
    params: { id: anyOrderId(() => fx.a.orderId) },
    paramsBeforeBody: validOrderId,
    // Nothing was captured on the fixtures' orders: a valid refund is 409 and moves no money.
    body: {
      template: () => ({ amount: { amount: 100, currency: 'USD' }, reason: 'Fuzzing the refund form' }),
      variants: () => [
        { amount: { amount: 1, currency: 'USD' }, reason: ' ' },
        { amount: { amount: 10_000_000, currency: 'USD' }, reason: 'more than was paid' },
      ],
    },
    statuses: [200, 400, 401, 403, 404, 409, 413],
    watch: ['ordersA', 'stock'],
    certain: opsOrderCertain,
  },
  { method: 'GET', path: '/api/admin/dead-letters', auth: 'operations', statuses: [200, 401, 403], certain: () => ({ status: 200 }) },
  { method: 'POST', path: '/api/admin/dead-letters/redrive', auth: 'operations', mutation: true, statuses: [200, 401, 403] },
  // The stream mappings' failure reports beside them (issue 29): a made-up message id is 404 and discards nothing.
  { method: 'GET', path: '/api/admin/dead-letters/stream-failures', auth: 'operations', statuses: [200, 401, 403], certain: () => ({ status: 200 }) },
  {
    method: 'POST',
    path: '/api/admin/dead-letters/stream-failures/discard',
    auth: 'operations',
    mutation: true,
    body: { template: () => ({ messageId: 'a7c1e0b2-0000-4000-8000-000000000000' }), variants: () => [{ messageId: '' }, { messageId: 'x'.repeat(300) }] },
    statuses: [400, 401, 403, 404, 413],
  },
  // Fraud holds and rules (issue 31, docs/fraud.md).
  {
    method: 'POST',
    path: '/api/admin/orders/[id]/review',
    auth: 'operations',
    mutation: true,
    params: { id: anyOrderId(() => fx.a.orderId) },
    paramsBeforeBody: validOrderId,
    // The fixtures' orders are not on hold: a valid decision is 409 and moves nothing.
    body: {
      template: () => ({ decision: 'reject', note: 'Fuzzing the review' }),
      variants: () => [{ decision: 'approve', note: '' }, { decision: 'approve' }, { decision: 'maybe', note: 'x' }],
    },
    statuses: [200, 400, 401, 403, 404, 409, 413],
    watch: ['ordersA', 'stock'],
    certain: opsOrderCertain,
  },
  { method: 'GET', path: '/api/admin/fraud-rules', auth: 'operations', statuses: [200, 401, 403], certain: () => ({ status: 200 }) },
  {
    method: 'PUT',
    path: '/api/admin/fraud-rules',
    auth: 'operations',
    mutation: true,
    // A version nobody has: the template is 409 VERSION_CONFLICT. A mutated body that hits version 0 saves the
    // defaults as version 1 (200): the same rules, so no other suite sharing the stack sees a change.
    body: {
      template: () => ({ settings: DEFAULT_FRAUD_RULES, expectedVersion: 999_999 }),
      variants: () => [
        { settings: { ...DEFAULT_FRAUD_RULES, reviewAt: 500, denyAt: 100 }, expectedVersion: 999_999 },
        { settings: { ...DEFAULT_FRAUD_RULES, rules: [] }, expectedVersion: 999_999 },
      ],
    },
    statuses: [200, 400, 401, 403, 409, 413],
  },
  { method: 'GET', path: '/api/admin/fraud-rules/history', auth: 'operations', statuses: [200, 401, 403], certain: () => ({ status: 200 }) },
];

const routeName = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;

// ---------------------------------------------------------------------------------------------------------------
// One hostile request.

type BodyCase =
  | { kind: 'json'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'malformed'; text: string }
  | { kind: 'empty' }
  | { kind: 'oversize'; text: string; transport: OversizeTransport };

type OriginCase = { kind: 'same' } | { kind: 'none' } | { kind: 'foreign'; headers: [string, string][] };

type Case = {
  caller: Caller;
  forgedToken: string;
  origin: OriginCase;
  query: string;
  params: Record<string, string>;
  body: BodyCase | null;
  contentType: string | null;
  cookies: [string, string][];
  headers: [string, string][];
};

const FOREIGN_ORIGINS: [string, string][][] = [
  [['origin', 'https://evil.example']],
  [['origin', 'null']],
  [['origin', 'http://localhost:3000.evil.example']],
  [['origin', 'https://localhost:3000']],
  [['origin', 'http://localhost:3001']],
  [['referer', 'https://evil.example/page']],
  [['sec-fetch-site', 'cross-site']],
];

/** Headers a client must gain nothing from. */
const INTERNAL_HEADERS: [string, string][] = [
  ['x-middleware-subrequest', 'middleware:middleware:middleware:middleware:middleware'],
  ['x-middleware-subrequest', 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware'],
  ['x-invoke-path', '/api/admin/flags'],
  ['x-user-id', 'someone-else'],
  ['x-user-groups', 'operations,marketers'],
  ['x-forwarded-for', '203.0.113.9, 10.0.0.1'],
  ['x-forwarded-host', 'evil.example'],
  ['x-real-ip', '::1'],
  ['x-http-method-override', 'DELETE'],
];

function callerArb(auth: Auth): fc.Arbitrary<Caller> {
  const owner: Caller = auth === 'marketer' ? 'marketer' : auth === 'operations' ? 'ops' : 'a';
  const others: Caller[] = auth === 'marketer' ? ['a', 'guest', 'forged'] : auth === 'operations' ? ['a', 'marketer', 'guest', 'forged'] : ['guest', 'forged'];
  return fc.oneof({ weight: 7, arbitrary: fc.constant(owner) }, { weight: 3, arbitrary: fc.constantFrom(...others) });
}

function bodyArb(spec: RouteSpec): fc.Arbitrary<BodyCase | null> {
  if (spec.method === 'GET') return fc.constant(null);
  const template = spec.body?.template() ?? { anything: 1 };
  const valid = [template, ...(spec.body?.variants?.() ?? [])];
  const limit = spec.body?.limit ?? BODY_LIMIT;
  return fc.oneof(
    { weight: 5, arbitrary: fc.oneof(...valid.map(mutatedBody)).map((v): BodyCase => ({ kind: 'json', text: toJsonText(v) })) },
    // The valid examples untouched: the paths past validation (a declined card, out of stock) must not half-write either.
    { weight: 1, arbitrary: fc.constantFrom(...valid).map((v): BodyCase => ({ kind: 'json', text: JSON.stringify(v) })) },
    { weight: 2, arbitrary: malformedJsonText(template).map((text): BodyCase => ({ kind: 'malformed', text })) },
    { weight: 1, arbitrary: fc.constant<BodyCase>({ kind: 'empty' }) },
    {
      weight: 2,
      arbitrary: fc.tuple(oversizedJsonText(template, limit), oversizeTransport).map(([text, transport]): BodyCase => ({ kind: 'oversize', text, transport })),
    },
  );
}

function caseArb(spec: RouteSpec): fc.Arbitrary<Case> {
  const paramEntries = Object.entries(spec.params ?? {});
  return fc.record({
    caller: callerArb(spec.auth),
    forgedToken: fc.constantFrom(...fx.forgedTokens),
    origin: fc.oneof(
      { weight: 7, arbitrary: fc.constant<OriginCase>({ kind: 'same' }) },
      { weight: 1, arbitrary: fc.constant<OriginCase>({ kind: 'none' }) },
      { weight: 2, arbitrary: fc.constantFrom(...FOREIGN_ORIGINS).map((headers): OriginCase => ({ kind: 'foreign', headers })) },
    ),
    query: spec.query
      ? fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 6, arbitrary: hostileQuery(spec.query, spec.queryTemplate?.()) })
      : fc.oneof(fc.constant(''), hostileQuery([])),
    params:
      paramEntries.length === 0
        ? fc.constant({})
        : fc.tuple(...paramEntries.map(([name, arb]) => arb().map((v) => [name, v] as const))).map((pairs) => Object.fromEntries(pairs)),
    body: bodyArb(spec),
    contentType: spec.method === 'GET' ? fc.constant(null) : contentType,
    cookies: fc.array(
      fc.oneof(
        fc.constant<[string, string]>([CART_COOKIE, fx.g.cookie]),
        fc.constant<[string, string]>([CART_COOKIE, `${fx.g.cookie.slice(0, -1)}${fx.g.cookie.endsWith('A') ? 'B' : 'A'}`]),
        fc.tuple(fc.constantFrom(CART_COOKIE, 'sf_anon', 'sf_profile', 'sf_rt', 'sf_at'), shortHostileString.map(asHeaderValue)),
      ),
      { maxLength: 2 },
    ),
    headers: fc
      .tuple(spec.headers ? spec.headers() : fc.constant([] as [string, string][]), fc.subarray(INTERNAL_HEADERS, { maxLength: 3 }))
      .map(([own, internal]) => [...own, ...internal]),
  });
}

function cookieHeader(c: Case, spec?: RouteSpec): string {
  const parts: string[] = [];
  // Sign-out revokes the token it is sent (docs/identity.md): caller a signs out another session, or every later case
  // of a would be signed out.
  if (c.caller === 'a') parts.push(`sf_at=${spec?.path === '/api/auth/sign-out' ? fx.leaver.token : fx.a.token}`);
  if (c.caller === 'marketer') parts.push(`sf_at=${fx.marketer.token}`);
  if (c.caller === 'ops') parts.push(`sf_at=${fx.ops.token}`);
  if (c.caller === 'forged') parts.push(`sf_at=${c.forgedToken}`);
  // The caller's session cookie first; a hostile sf_at after it replaces it (effectiveCaller says who is left).
  for (const [name, value] of c.cookies) parts.push(`${name}=${value.replace(/;/g, '')}`);
  return parts.join('; ');
}

function bodyInit(body: BodyCase | null, headers: Headers): BodyInit | undefined {
  if (!body || body.kind === 'empty') return body ? '' : undefined;
  if (body.kind === 'bytes') return body.bytes;
  if (body.kind !== 'oversize') return body.text;
  const bytes = Buffer.from(body.text, 'utf8');
  switch (body.transport) {
    case 'content-length':
      headers.set('content-length', String(bytes.length));
      return body.text;
    case 'no-length':
      return body.text;
    case 'lying-length':
      headers.set('content-length', '2');
      return body.text;
    case 'declared-only':
      headers.set('content-length', String(10 * 1024 * 1024));
      return '{}';
    case 'stream':
      return new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 16 * KB) controller.enqueue(bytes.subarray(i, i + 16 * KB));
          controller.close();
        },
      });
  }
}

function buildRequest(spec: RouteSpec, c: Case): Request {
  const path = spec.path.replace(/\[(\w+)\]/g, (_, name: string) => encodePathSegment(c.params[name] ?? ''));
  const headers = new Headers();
  const cookie = cookieHeader(c, spec);
  if (cookie) headers.set('cookie', cookie);
  if (c.origin.kind === 'same') headers.set('origin', fx.site);
  if (c.origin.kind === 'foreign') for (const [n, v] of c.origin.headers) headers.set(n, v);
  if (c.contentType !== null && c.body) headers.set('content-type', c.contentType);
  for (const [n, v] of c.headers) headers.append(n, v);
  const body = bodyInit(c.body, headers);
  return new Request(`${fx.site}${path}${c.query ? `?${c.query}` : ''}`, {
    method: spec.method,
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const modules = new Map<string, Record<string, unknown>>();

async function handlerFor(spec: Pick<RouteSpec, 'method' | 'path'>): Promise<Handler> {
  const file = join(API_DIR, ...spec.path.replace(/^\/api\//, '').split('/'), 'route.ts');
  let mod = modules.get(file);
  if (!mod) {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    modules.set(file, mod);
  }
  const handler = mod[spec.method];
  if (typeof handler !== 'function') throw new Error(`${file} exports no ${spec.method}`);
  return handler as Handler;
}

/** Calls the handler as Next would: cookies() sees the request's cookies. */
async function call(spec: RouteSpec, req: Request, params: Record<string, string>): Promise<Response> {
  jar.cookies = new Map(new RequestCookies(req.headers).getAll().map((cookie) => [cookie.name, cookie.value]));
  jar.set = new Map();
  return (await handlerFor(spec))(req, { params: Promise.resolve(params) });
}

// ---------------------------------------------------------------------------------------------------------------
// What must hold.

async function snapshot(watch: readonly Watch[], c: Case): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const w of watch) {
    switch (w) {
      case 'cartA':
        out[w] = await getItem('carts', { cartId: `user#${fx.a.id}` });
        break;
      case 'cartB':
        out[w] = await getItem('carts', { cartId: `user#${fx.b.id}` });
        break;
      case 'cartG':
        out[w] = await getItem('carts', { cartId: `guest#${fx.g.id}` });
        break;
      case 'ordersA': {
        const q = await dynamoDoc().send(
          new QueryCommand({
            TableName: tableName('orders'),
            KeyConditionExpression: 'userId = :u',
            ExpressionAttributeValues: { ':u': fx.a.id },
            ConsistentRead: true,
            ProjectionExpression: 'orderId',
          }),
        );
        out[w] = (q.Items ?? []).map((i) => i.orderId);
        break;
      }
      case 'stock':
        out[w] = (await getItem('products', { id: fx.product.id }))?.stock;
        break;
      case 'idempotency': {
        // Only a well-formed key can ever be stored (a longer one is not even a valid DynamoDB key).
        const key = c.headers.find(([n]) => n === 'idempotency-key')?.[1];
        out[w] = key && idempotencyKeySchema.safeParse(key).success ? await getItem('idempotency', { key: `${fx.a.id}#${key}` }) : null;
        break;
      }
      case 'flags': {
        const flags: Record<string, unknown> = {};
        for (const key of FLAG_KEYS) {
          const audit = await dynamoDoc().send(
            new QueryCommand({
              TableName: tableName('flagAudit'),
              KeyConditionExpression: 'flagKey = :k',
              ExpressionAttributeValues: { ':k': key },
              Select: 'COUNT',
              ConsistentRead: true,
            }),
          );
          flags[key] = { item: await getItem('flags', { key }), audit: audit.Count };
        }
        out[w] = flags;
        break;
      }
      case 'signUpUser': {
        const email = (parsedBody(c) as { email?: unknown } | undefined)?.email;
        if (typeof email !== 'string' || email.length > 254 || !/^[^@\s]+@[^@\s]+$/.test(email)) break;
        out[w] = await cognitoClient()
          .send(new AdminGetUserCommand({ UserPoolId: identitySettings()!.userPoolId, Username: email.trim().toLowerCase() }))
          .then(
            (u) => u.Username,
            () => null,
          );
        break;
      }
    }
  }
  return out;
}

function bodyClass(spec: RouteSpec, c: Case): 'oversize' | 'malformed' | null {
  if (!spec.body || !c.body) return null;
  const limit = spec.body.limit ?? BODY_LIMIT;
  if (c.body.kind === 'oversize') return 'oversize';
  if (c.body.kind === 'json' && Buffer.byteLength(c.body.text) > limit) return 'oversize';
  if (c.body.kind === 'malformed') return 'malformed';
  return null;
}

/** The answer the handler's order of checks makes certain, or null. */
function expected(spec: RouteSpec, c: Case): { status: number; code?: ErrorCode } | null {
  if (spec.mutation && c.origin.kind === 'foreign') return { status: 403, code: 'FORBIDDEN' };
  const caller = effectiveCaller(c);
  if (spec.auth === 'user' && caller !== 'a') return { status: 401, code: 'UNAUTHENTICATED' };
  if (spec.auth === 'marketer' && caller !== 'marketer')
    return caller === 'a' || caller === 'ops' ? { status: 403, code: 'FORBIDDEN' } : { status: 401, code: 'UNAUTHENTICATED' };
  // A shopper or a marketer is signed in and still refused; internal headers (x-user-id and the like) change nothing.
  if (spec.auth === 'operations' && caller !== 'ops')
    return caller === 'a' || caller === 'marketer' ? { status: 403, code: 'FORBIDDEN' } : { status: 401, code: 'UNAUTHENTICATED' };
  const cls = bodyClass(spec, c);
  if (cls && (spec.paramsBeforeBody?.(c.params) ?? true))
    return cls === 'oversize' ? { status: 413, code: 'PAYLOAD_TOO_LARGE' } : { status: 400, code: 'BAD_REQUEST' };
  return spec.certain?.(c) ?? null;
}

/** Long repeated runs (the huge strings) collapsed, so a failure report stays readable. */
function readable(text: string): string {
  return text.replace(/(.{1,4}?)\1{60,}/gsu, (run, piece: string) => `${piece}…(${run.length} chars)`).slice(0, 4000);
}

function describeCase(spec: RouteSpec, c: Case): string {
  const body = c.body
    ? `${c.body.kind}${c.body.kind === 'oversize' ? `/${c.body.transport}` : ''} ${'text' in c.body ? readable(c.body.text.slice(0, 300)) : ''}`
    : 'none';
  return readable(
    `${routeName(spec)} caller=${c.caller}${effectiveCaller(c) !== c.caller ? `→${effectiveCaller(c)}` : ''} origin=${c.origin.kind} params=${JSON.stringify(c.params)} query=${c.query.slice(0, 300)} body=${body}`,
  );
}

async function checkAnswer(spec: RouteSpec, c: Case, res: Response): Promise<void> {
  const label = describeCase(spec, c);
  const text = await res.text();
  expect(res.status, `${label}\n→ ${res.status} ${readable(text)}`).toBeLessThan(500);
  expect(spec.statuses, `${label}\n→ unexpected status ${res.status} ${readable(text)}`).toContain(res.status);
  const rpc = spec.jsonRpc ? (JSON.parse(text) as { jsonrpc?: unknown; error?: { code?: unknown; message?: unknown } }) : null;
  if (res.status >= 400 && rpc?.jsonrpc === '2.0') {
    // MCP's transport refuses a malformed message in JSON-RPC's own words: a numeric code and a message.
    expect(res.headers.get('content-type') ?? '', label).toMatch(/^application\/json/);
    expect(typeof rpc.error?.code === 'number' && typeof rpc.error.message === 'string', `${label}\n→ ${text.slice(0, 300)}`).toBe(true);
  } else if (res.status >= 400) {
    expect(res.headers.get('content-type') ?? '', label).toMatch(/^application\/json/);
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    expect(Object.keys(body), label).toEqual(['error']);
    expect(
      Object.keys(body.error ?? {}).filter((k) => !['code', 'message', 'details'].includes(k)),
      label,
    ).toEqual([]);
    expect(CLIENT_ERROR_CODES, `${label}\n→ ${text.slice(0, 300)}`).toContain(body.error?.code);
    expect(statusOf(body.error!.code as ErrorCode), label).toBe(res.status);
    expect(typeof body.error?.message === 'string' && body.error.message.length > 0, label).toBe(true);
    if (res.status === 429) expect(Number(res.headers.get('retry-after')), label).toBeGreaterThan(0);
  } else if (res.status !== 204 && res.status !== 303) {
    expect(res.headers.get('content-type') ?? '', label).toMatch(/^application\/json/);
    expect(() => JSON.parse(text), label).not.toThrow();
  }
  const want = expected(spec, c);
  if (want) {
    expect(res.status, `${label}\n→ ${readable(text)}`).toBe(want.status);
    if (want.code) expect((JSON.parse(text) as { error: { code: string } }).error.code, label).toBe(want.code);
  }
}

// FUZZ_STATS=1 prints, per route, how often each answer came back: a check that the runs reach past the gates.
const stats = new Map<string, Map<string, number>>();
function count(spec: RouteSpec, c: Case, res: Response): void {
  if (!process.env.FUZZ_STATS) return;
  const key = `${res.status}${c.body ? ` ${c.body.kind}` : ''}`;
  const route = stats.get(routeName(spec)) ?? new Map<string, number>();
  route.set(key, (route.get(key) ?? 0) + 1);
  stats.set(routeName(spec), route);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();

/** Runs one request and checks the answer and the state around it. */
async function probe(spec: RouteSpec, c: Case): Promise<void> {
  const before = spec.watch ? await snapshot(spec.watch, c) : {};
  const res = await call(spec, buildRequest(spec, c), c.params);
  const status = res.status;
  count(spec, c, res);
  let settled = false;
  try {
    // `__proto__` and `constructor` keys in bodies and queries polluted nothing.
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join(), describeCase(spec, c)).toBe(PROTOTYPE_KEYS);
    await checkAnswer(spec, c, res);
    if (status >= 400) {
      if (spec.watch) expect(await snapshot(spec.watch, c), `${describeCase(spec, c)}\n→ ${status}, yet state changed`).toEqual(before);
      // A cart cookie minted for this request must not name a cart that was written.
      const minted = jar.set.get(CART_COOKIE);
      const guestId = minted ? verifyGuestCartCookie(minted, getConfig().SESSION_SECRET) : null;
      if (guestId && guestId !== fx.g.id)
        expect(await getItem('carts', { cartId: `guest#${guestId}` }), `${describeCase(spec, c)}\n→ ${status}, yet a guest cart was written`).toBeNull();
      settled = true;
    }
  } finally {
    // After an allowed change, or a failed check (fast-check then shrinks: every replay must start alike).
    if (!settled && (spec.mutation || spec.watch)) await restoreFixtures();
  }
}

function fuzzOptions(): fc.Parameters<[Case]> {
  return {
    seed: SEED,
    numRuns: RUNS,
    ...(PATH ? { path: PATH } : {}),
    reporter: (details) => {
      if (!details.failed) return;
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`${readable(fc.defaultReportMessage(details) ?? 'property failed')}\n\nWhat failed: ${readable(cause)}`);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

describe('the fuzz table', () => {
  it('lists every route handler under app/api exactly once, and nothing else', async () => {
    const onDisk: string[] = [];
    for (const file of readdirSync(API_DIR, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith(`${sep}route.ts`) && file !== 'route.ts') continue;
      const mod = (await import(pathToFileURL(join(API_DIR, file)).href)) as Record<string, unknown>;
      const path = `/${relative(ROOT, join(API_DIR, file)).split(sep).slice(1, -1).join('/')}`;
      for (const method of METHODS) if (typeof mod[method] === 'function') onDisk.push(`${method} ${path}`);
    }
    const table = ROUTES.map(routeName);
    expect(new Set(table).size, 'each route once').toBe(table.length);
    expect([...table].sort()).toEqual([...onDisk].sort());
  });
});

describe('hostile input to every JSON route: never a 5xx, always the JSON error shape, nothing half-written', () => {
  afterAll(async () => {
    await restoreFixtures();
    for (const [route, counts] of stats)
      console.log(
        `${route}: ${[...counts]
          .sort()
          .map(([k, n]) => `${k}×${n}`)
          .join(', ')}`,
      );
  });

  for (const spec of ROUTES) {
    it(routeName(spec), async () => {
      await fc.assert(
        fc.asyncProperty(caseArb(spec), (c) => probe(spec, c)),
        fuzzOptions(),
      );
    }, 120_000);
  }
});

// Fixed cases every body route sees whatever the seed: each oversize transport, the exact limit, malformed JSON,
// and wrong top-level types, from an authorised caller on the same origin.
describe('every JSON body route, fixed cases', () => {
  const bodyRoutes = ROUTES.filter((r) => r.body);
  const authorised = (spec: RouteSpec, body: BodyCase, extra: Partial<Case> = {}): Case => ({
    caller: spec.auth === 'marketer' ? 'marketer' : spec.auth === 'operations' ? 'ops' : 'a',
    forgedToken: '',
    origin: { kind: 'same' },
    query: '',
    params: Object.fromEntries(Object.keys(spec.params ?? {}).map((k) => [k, k === 'key' ? FUZZ_FLAG : k === 'id' ? fx.a.orderId : fx.a.lineId])),
    body,
    contentType: 'application/json',
    cookies: [],
    headers: spec.headers ? [['idempotency-key', crypto.randomUUID()]] : [],
    ...extra,
  });

  for (const spec of bodyRoutes) {
    it(`${routeName(spec)}: 413 over the limit by every transport, not at the limit; 400 for text that is not JSON`, async () => {
      const limit = spec.body!.limit ?? BODY_LIMIT;
      const template = spec.body!.template();
      const over = JSON.stringify({ ...template, pad: 'x'.repeat(limit) });
      for (const transport of ['content-length', 'no-length', 'lying-length', 'stream', 'declared-only'] as const) {
        await probe(spec, authorised(spec, { kind: 'oversize', text: over, transport }));
      }
      // Multi-byte: under the limit in characters, over it in bytes.
      await probe(
        spec,
        authorised(spec, { kind: 'oversize', text: JSON.stringify({ ...template, pad: '€'.repeat(Math.ceil(limit / 3)) }), transport: 'no-length' }),
      );
      // Exactly at the limit is read and judged on its content: whatever the answer, it is not 413.
      const base = JSON.stringify({ ...template, pad: '' });
      const atLimit = JSON.stringify({ ...template, pad: 'x'.repeat(limit - Buffer.byteLength(base)) });
      expect(Buffer.byteLength(atLimit)).toBe(limit);
      const c = authorised(spec, { kind: 'json', text: atLimit });
      const res = await call(spec, buildRequest(spec, c), c.params);
      expect(res.status, await res.clone().text()).not.toBe(413);
      await checkAnswer(spec, c, res);
      if (res.status < 400) await restoreFixtures();

      for (const text of ['{', '{"a":}', "{'a':1}", '{"a":1,}', 'NaN', '\uFEFF{', '{}{}', '"unterminated', '[[[[', '{"a":"\\uD83"}']) {
        await probe(spec, authorised(spec, { kind: 'malformed', text }));
      }
      // Bytes that are not UTF-8 (decoded to U+FFFD), and the template in UTF-16 with a byte-order mark.
      const utf8 = (s: string) => Buffer.from(s, 'utf8');
      for (const bytes of [
        Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
        Buffer.concat([utf8('{"a":"'), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80]), utf8('"}')]),
        Buffer.concat([utf8(JSON.stringify(template).slice(0, -1)), utf8(',"x":"'), Buffer.from([0xe2, 0x82]), utf8('"}')]),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(template), 'utf16le')]),
      ]) {
        await probe(spec, authorised(spec, { kind: 'bytes', bytes: Uint8Array.from(bytes) }));
      }
    }, 60_000);

    it(`${routeName(spec)}: wrong top-level types, missing fields, huge and odd numbers, lone surrogates: never a 5xx, nothing written when refused`, async () => {
      const template = spec.body!.template();
      const texts = ['[]', '[{}]', JSON.stringify([template]), '"x"', '1', '-0', '1e999', 'null', 'true', '{}'];
      for (const [key] of Object.entries(template)) {
        for (const raw of [
          '1e308',
          '-0',
          '1e999',
          '9007199254740993',
          '"NaN"',
          '"\\uD800"',
          '"\\u202Eabc\\u200B"',
          '[]',
          '{}',
          'null',
          `"${'x'.repeat(20 * KB)}"`,
        ]) {
          texts.push(
            `{${Object.entries(template)
              .map(([k, v]) => `${JSON.stringify(k)}:${k === key ? raw : JSON.stringify(v)}`)
              .join(',')}}`,
          );
        }
        texts.push(JSON.stringify(Object.fromEntries(Object.entries(template).filter(([k]) => k !== key))));
      }
      for (const text of texts) {
        const c = authorised(spec, { kind: 'json', text });
        await probe(spec, c);
      }
    }, 60_000);
  }
});
