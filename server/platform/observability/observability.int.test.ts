import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-dynamodb';
import { ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DeserializeMiddleware } from '@smithy/types';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { putProduct, uniqueId } from '@/server/checkout/test-support/fixtures';
import { apiRequest, resetRequestContext } from '@/server/checkout/test-support/request-context';
import { jsonRequest } from '@/server/identity/testing/auth-requests';
import { dynamoClient, dynamoDoc, dynamoStreamsClient } from '@/server/platform/aws/clients';
import { waitForRedis } from '@/server/platform/cache';
import { resetConfigForTests } from '@/server/platform/config';
import { route } from '@/server/platform/http/respond';
import { runWithRequestContext } from '@/server/platform/observability';

// The request id and Server-Timing through real route handlers on the test stack (DynamoDB Local, cognito-local,
// redis-server): the id on every log line of the request, on every DynamoDB request as sent (signed) and in the
// answer, and the downstream calls summed up in Server-Timing.

vi.mock('next/headers', async () => {
  const { cookieStore } = await import('@/server/checkout/test-support/request-context');
  return { cookies: async () => cookieStore(), headers: async () => new Headers() };
});

const cartItemsRoute = await import('@/app/api/cart/items/route');
const signInRoute = await import('@/app/api/auth/sign-in/route');

type Sent = { commandName: string; headers: Record<string, string> };
const sent: Sent[] = [];
const CAPTURE = 'observability-test-capture';

/** The last step before the HTTP handler: what it sees is exactly what goes on the wire, signature included. */
const captureSent: DeserializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next, context) => async (args) => {
  const request = args.request as { headers: Record<string, string> };
  sent.push({ commandName: context.commandName ?? '', headers: { ...request.headers } });
  return next(args);
};

type Line = Record<string, unknown>;

/** Every console line written while `fn` runs, parsed (a line that is not JSON fails the test here). */
async function linesDuring<T>(fn: () => Promise<T>): Promise<{ result: T; lines: Line[]; raw: string[] }> {
  const raw: string[] = [];
  for (const method of ['debug', 'info', 'warn', 'error', 'log'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      raw.push(args.map(String).join(' '));
    });
  }
  try {
    const result = await fn();
    return { result, lines: raw.map((l) => JSON.parse(l) as Line), raw };
  } finally {
    vi.restoreAllMocks();
  }
}

const SERVER_TIMING_ENTRY = /^([a-z-]+);dur=(\d+(?:\.\d)?)(?:;desc="(\d+) calls?")?$/;

function parseServerTiming(header: string | null): Map<string, { dur: number; calls?: number }> {
  expect(header).toBeTruthy();
  const out = new Map<string, { dur: number; calls?: number }>();
  for (const entry of header!.split(', ')) {
    const m = SERVER_TIMING_ENTRY.exec(entry);
    expect(m, entry).not.toBeNull();
    out.set(m![1]!, { dur: Number(m![2]), calls: m![3] === undefined ? undefined : Number(m![3]) });
  }
  return out;
}

const previousLevel = process.env.LOG_LEVEL;

beforeAll(() => {
  process.env.LOG_LEVEL = 'debug';
  // Off by default (issue 30 I4): it names the back ends; these tests read it.
  process.env.SERVER_TIMING = 'on';
  resetConfigForTests();
  dynamoClient().middlewareStack.add(captureSent, { step: 'deserialize', name: CAPTURE, override: true });
});

afterEach(() => {
  sent.length = 0;
  resetRequestContext();
});

afterAll(() => {
  dynamoClient().middlewareStack.remove(CAPTURE);
  if (previousLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = previousLevel;
  delete process.env.SERVER_TIMING;
  resetConfigForTests();
});

describe('request id and Server-Timing through route()', () => {
  it("POST /api/cart/items: the caller's id on the answer, on every log line and on every DynamoDB request; dynamodb in Server-Timing", async () => {
    const product = await putProduct({ variants: [{ id: 'v', price: 1_500, stock: 4 }] });
    sent.length = 0; // the fixture's own write belongs to no request
    const requestId = uniqueId('obs');

    const { result: res, lines } = await linesDuring(() =>
      Promise.resolve(
        cartItemsRoute.POST(
          apiRequest('POST', '/api/cart/items', {
            body: { productId: product.id, variantId: 'v', quantity: 1 },
            headers: { 'x-storefront-request-id': requestId },
          }),
          undefined,
        ),
      ),
    );

    expect(res.status).toBe(200);
    expect(res.headers.get('X-Request-Id')).toBe(requestId);

    const timing = parseServerTiming(res.headers.get('Server-Timing'));
    const dynamodb = timing.get('dynamodb');
    expect(dynamodb?.calls).toBeGreaterThanOrEqual(2); // the catalog read and the cart write at least
    expect(timing.get('total')!.dur).toBeGreaterThanOrEqual(dynamodb!.dur);
    expect(res.headers.get('Server-Timing')).not.toMatch(/storefront-|TableName|secret/i);

    // Every DynamoDB request of this request carried the id, as a signed header (it was added before SigV4
    // signed), and DynamoDB Local accepted each of them (the answer is a 200 built from their results).
    expect(sent.length).toBe(dynamodb!.calls);
    for (const s of sent) {
      expect(s.headers['x-request-id'], s.commandName).toBe(requestId);
      const signed = /SignedHeaders=([^,]+)/.exec(s.headers.authorization ?? '')?.[1]?.split(';') ?? [];
      expect(signed).toContain('x-request-id');
    }

    // Every line written while the request ran is JSON with its id: one debug line per AWS call, the access line.
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.requestId, JSON.stringify(line)).toBe(requestId);
    const awsCalls = lines.filter((l) => l.msg === 'aws call');
    expect(awsCalls).toHaveLength(dynamodb!.calls!);
    for (const call of awsCalls) {
      expect(call).toMatchObject({ level: 'debug', component: 'aws', service: 'dynamodb', status: 200 });
      expect(typeof call.operation).toBe('string');
      expect(typeof call.durMs).toBe('number');
      expect(typeof call.awsRequestId).toBe('string'); // DynamoDB Local answers with x-amzn-requestid
    }
    expect(lines.at(-1)).toMatchObject({ level: 'info', msg: 'request', component: 'http', method: 'POST', path: '/api/cart/items', status: 200 });
  });

  it('POST /api/auth/sign-in: cognito and redis next to dynamodb in Server-Timing, the id on every line', async () => {
    expect(await waitForRedis(2_000)).not.toBeNull();
    const requestId = uniqueId('obs-signin');
    const { result: res, lines } = await linesDuring(() =>
      Promise.resolve(
        signInRoute.POST(
          jsonRequest('/api/auth/sign-in', { email: 'shopper@example.com', password: 'Shopper-pass-1' }, { 'x-storefront-request-id': requestId }),
          {},
        ),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Request-Id')).toBe(requestId);
    const timing = parseServerTiming(res.headers.get('Server-Timing'));
    expect(timing.get('cognito')?.calls).toBeGreaterThanOrEqual(1);
    expect(timing.get('redis')?.calls).toBeGreaterThanOrEqual(1); // the sign-in rate limiter's counters
    expect([...timing.keys()].at(-1)).toBe('total');
    for (const line of lines) expect(line.requestId, JSON.stringify(line)).toBe(requestId);
    expect(lines.some((l) => l.msg === 'aws call' && l.service === 'cognito' && l.operation === 'InitiateAuth')).toBe(true);
  });

  it('a failing DynamoDB call: 503 with the id and Server-Timing, the error line and the failed call carry the id', async () => {
    const failing = route(async () => {
      await dynamoDoc().send(new GetCommand({ TableName: 'observability-no-such-table', Key: { id: 'x' } }));
      return Response.json({});
    });
    const requestId = uniqueId('obs-fail');
    const { result: res, lines } = await linesDuring(async () =>
      failing(new Request('http://localhost:3000/api/x', { headers: { 'x-storefront-request-id': requestId } }), undefined),
    );
    expect(res.status).toBe(503);
    expect(res.headers.get('X-Request-Id')).toBe(requestId);
    expect(parseServerTiming(res.headers.get('Server-Timing')).get('dynamodb')?.calls).toBe(1);
    for (const line of lines) expect(line.requestId).toBe(requestId);
    expect(lines.find((l) => l.msg === 'aws call')).toMatchObject({
      service: 'dynamodb',
      operation: 'GetItem',
      error: 'ResourceNotFoundException',
      status: 400,
    });
    expect(lines.find((l) => l.level === 'error')).toMatchObject({ msg: 'dependency failure in route', name: 'ResourceNotFoundException' });
    expect(sent.map((s) => s.headers['x-request-id'])).toEqual([requestId]);
  });

  it("mints our own UUID whatever the caller sends; the caller's safe id is only clientRequestId; concurrent requests keep their own ids", async () => {
    const echo = route(async () => {
      await dynamoDoc()
        .send(new GetCommand({ TableName: 'observability-no-such-table', Key: { id: 'x' } }))
        .catch(() => undefined);
      return Response.json({});
    });
    const call = (headers: Record<string, string>) => echo(new Request('http://localhost:3000/api/echo', { headers }), undefined);
    const { result, lines } = await linesDuring(() =>
      Promise.all([call({}), call({ 'x-request-id': 'has spaces & "quotes"' }), call({ 'x-request-id': 'id-a' }), call({ 'x-request-id': 'id-b' })]),
    );
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const ours = result.map((r) => r.headers.get('X-Request-Id'));
    for (const id of ours) expect(id).toMatch(uuid);
    expect(new Set(ours).size).toBe(4);
    const ids = sent.map((s) => s.headers['x-request-id']).sort();
    expect(ids).toEqual([...ours].sort());
    // Interleaved lines of four concurrent requests: each access line sits with its own request's id, and the
    // caller's id (when safe) beside it, never in its place.
    const access = lines.filter((l) => l.msg === 'request');
    expect(access.map((l) => l.requestId).sort()).toEqual(ids);
    const clientIdOf = (i: number) => access.find((l) => l.requestId === ours[i])?.clientRequestId;
    expect([0, 1, 2, 3].map(clientIdOf)).toEqual([undefined, undefined, 'id-a', 'id-b']);
  });

  it("middleware.ts: never adopts the caller's id (nor a forged forwarded one); forwards ours and the caller's apart, answers ours", async () => {
    const { middleware } = await import('@/middleware');
    const { NextRequest } = await import('next/server');
    const call = (headers: Record<string, string>) => middleware(new NextRequest('http://localhost:3000/api/products', { headers }));
    const res = await call({ 'x-request-id': 'from-the-caller', 'x-storefront-request-id': 'forged-ours', 'x-storefront-client-request-id': 'forged' });
    const ours = res.headers.get('X-Request-Id');
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    // NextResponse.next({ request: { headers } }) carries the forwarded request headers as x-middleware-request-*.
    expect(res.headers.get('x-middleware-request-x-storefront-request-id')).toBe(ours);
    expect(res.headers.get('x-middleware-request-x-storefront-client-request-id')).toBe('from-the-caller');
    const unsafe = await call({ 'x-request-id': 'a'.repeat(65), 'x-storefront-client-request-id': 'forged' });
    expect(unsafe.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.headers.get('x-middleware-request-x-storefront-client-request-id')).toBeNull();
  });

  it("middleware.ts: its own DynamoDB read (a cold flag cache on a gated page) carries the request's id", async () => {
    const { middleware } = await import('@/middleware');
    const { NextRequest } = await import('next/server');
    const { resetSharedFlagCacheForTests } = await import('@/server/flags/shared-flag-cache');
    resetSharedFlagCacheForTests();
    sent.length = 0;
    const res = await middleware(new NextRequest('http://localhost:3000/stores'));
    const ours = res.headers.get('X-Request-Id');
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    const reads = sent.filter((s) => s.commandName === 'ScanCommand');
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect(r.headers['x-request-id']).toBe(ours);
  });

  it('outside a request (startup, stream consumers): no header on the SDK request, no requestId on lines', async () => {
    const { lines } = await linesDuring(() =>
      dynamoDoc()
        .send(new GetCommand({ TableName: 'observability-no-such-table', Key: { id: 'x' } }))
        .catch(() => undefined),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers).not.toHaveProperty('x-request-id');
    // This call's line (a slow flag read of the test before may still log its own, with its own id).
    const line = lines.find((l) => l.msg === 'aws call' && l.operation === 'GetItem');
    expect(line).toBeDefined();
    expect(line).not.toHaveProperty('requestId');
  });

  it("the stream poller client logs its background reads only on failure, but a request's call always", async () => {
    const background = await linesDuring(() => dynamoStreamsClient().send(new ListStreamsCommand({})));
    expect(background.lines.filter((l) => l.msg === 'aws call')).toEqual([]);
    const inRequest = await linesDuring(() => runWithRequestContext('obs-streams', () => dynamoStreamsClient().send(new ListStreamsCommand({}))));
    expect(inRequest.lines.filter((l) => l.msg === 'aws call')).toMatchObject([
      { requestId: 'obs-streams', service: 'dynamodb-streams', operation: 'ListStreams' },
    ]);
  });
});
