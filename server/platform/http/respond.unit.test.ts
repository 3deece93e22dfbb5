import { describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { parseJsonBody, parseQuery, route, toErrorResponse } from './respond';

async function errorOf(res: Response) {
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
}

describe('errors to HTTP', () => {
  it('maps an AppError to its status and the JSON error shape', async () => {
    const { status, body } = await errorOf(toErrorResponse(new AppError('OUT_OF_STOCK', 'gone')));
    expect(status).toBe(409);
    expect(body).toEqual({ error: { code: 'OUT_OF_STOCK', message: 'gone' } });
  });

  it('answers a dependency outage with 503 and Retry-After, not 500', async () => {
    const sdkError = Object.assign(new Error('throttled'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    const res = toErrorResponse(sdkError);
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('2');
    expect(toErrorResponse(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })).status).toBe(503);
  });

  it('keeps 500 for our own bugs, without leaking their message', async () => {
    const { status, body } = await errorOf(toErrorResponse(new TypeError('secret internals')));
    expect(status).toBe(500);
    expect(body.error.message).not.toContain('secret');
  });

  it('turns bad JSON, schema mismatches and oversized bodies into 400/413 inside route()', async () => {
    const schema = z.object({ n: z.number() });
    const handler = route(async (req) => Response.json(await parseJsonBody(req, schema, 64)));
    const post = (body: string) => handler(new Request('http://x/', { method: 'POST', body }), {});
    expect((await post('{not json')).status).toBe(400);
    expect((await errorOf(await post('{"n":"1"}'))).body.error.code).toBe('VALIDATION_FAILED');
    expect((await post(JSON.stringify({ n: 1, pad: 'x'.repeat(100) }))).status).toBe(413);
    expect(await (await post('{"n":1}')).json()).toEqual({ n: 1 });
  });

  it('validates query strings', async () => {
    const handler = route(async (req) => Response.json(parseQuery(req, z.object({ limit: z.coerce.number().int().max(100) }))));
    expect((await handler(new Request('http://x/?limit=500'), {})).status).toBe(400);
    expect(await (await handler(new Request('http://x/?limit=5'), {})).json()).toEqual({ limit: 5 });
  });
});

describe('route() request context (docs/observability.md)', () => {
  it('answers X-Request-Id and Server-Timing (when switched on), also on errors and on responses with immutable headers', async () => {
    const { resetConfigForTests } = await import('../config');
    process.env.SERVER_TIMING = 'on';
    resetConfigForTests();
    onTestFinished(() => {
      delete process.env.SERVER_TIMING;
      resetConfigForTests();
    });
    const ok = await route(async () => Response.json({}))(new Request('http://x/', { headers: { 'x-storefront-request-id': 'rid-1' } }), {});
    expect(ok.headers.get('X-Request-Id')).toBe('rid-1');
    expect(ok.headers.get('Server-Timing')).toMatch(/^total;dur=\d+(\.\d)?$/);

    const failed = await route(async () => {
      throw new AppError('NOT_FOUND', 'no');
    })(new Request('http://x/'), {});
    expect(failed.status).toBe(404);
    expect(failed.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);

    // Response.redirect() has immutable headers: the answer is rebuilt with the same status and Location.
    const redirect = await route(async () => Response.redirect('http://x/elsewhere', 303))(
      new Request('http://x/', { headers: { 'x-storefront-request-id': 'rid-2' } }),
      {},
    );
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('Location')).toBe('http://x/elsewhere');
    expect(redirect.headers.get('X-Request-Id')).toBe('rid-2');
    expect(redirect.headers.get('Server-Timing')).toContain('total;dur=');
  });
});

describe('Server-Timing (issue 30 I4)', () => {
  it('is not sent unless SERVER_TIMING=on: it names the back ends to any visitor', async () => {
    const { resetConfigForTests } = await import('../config');
    const handler = route(async () => Response.json({ ok: true }));
    delete process.env.SERVER_TIMING;
    resetConfigForTests();
    const plain = await handler(new Request('http://localhost/api/x'), {});
    expect(plain.headers.get('server-timing')).toBeNull();
    expect(plain.headers.get('x-request-id')).toBeTruthy();
    process.env.SERVER_TIMING = 'on';
    resetConfigForTests();
    try {
      expect((await handler(new Request('http://localhost/api/x'), {})).headers.get('server-timing')).toMatch(/total;dur=/);
    } finally {
      delete process.env.SERVER_TIMING;
      resetConfigForTests();
    }
  });
});
