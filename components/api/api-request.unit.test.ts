import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ApiErrorBody, apiRequest, fieldErrorsFrom } from './api-request';

// apiRequest is a pure browser function over fetch: the stub stands in for the network, not for an AWS service.

type Call = { url: string; init: RequestInit };

function answer(respond: () => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond();
  });
  return calls;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiRequest', () => {
  it('sends a body as JSON with POST, same-origin cookies and no caching', async () => {
    const calls = answer(() => json(201, { id: 'c1' }));
    const result = await apiRequest<{ id: string }>('/api/cart/items', { body: { productId: 'p1', quantity: 1 }, headers: { 'idempotency-key': 'k1' } });
    expect(result).toEqual({ ok: true, status: 201, data: { id: 'c1' } });
    const [call] = calls;
    expect(call?.url).toBe('/api/cart/items');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.body).toBe('{"productId":"p1","quantity":1}');
    expect(call?.init.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json', 'idempotency-key': 'k1' });
    expect(call?.init.credentials).toBe('same-origin');
    expect(call?.init.cache).toBe('no-store');
  });

  it('reads without a body as a GET with no content type', async () => {
    const calls = answer(() => json(200, { items: [] }));
    await apiRequest('/api/cart');
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.body).toBeUndefined();
    expect(calls[0]?.init.headers).toEqual({ accept: 'application/json' });
  });

  it('answers an empty success (204) with no data', async () => {
    answer(() => new Response(null, { status: 204 }));
    expect(await apiRequest('/api/auth/sign-out', { method: 'POST' })).toEqual({ ok: true, status: 204, data: undefined });
  });

  it("passes the error envelope's code, message and details through", async () => {
    const details = [{ path: 'email', message: 'Enter a valid email address.' }];
    const envelope: ApiErrorBody = { error: { code: 'VALIDATION_FAILED', message: 'The request is not valid.', details } };
    answer(() => json(400, envelope));
    expect(await apiRequest('/api/auth/sign-up', { body: {} })).toEqual({
      ok: false,
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid.',
      details,
    });
  });

  it("turns a proxy's HTML error page into the generic message with its status", async () => {
    answer(() => new Response('<html><body>Bad gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const result = await apiRequest('/api/cart');
    expect(result).toMatchObject({ ok: false, status: 502, code: 'ERROR', message: 'Something went wrong. Please try again.' });
  });

  it('turns a dropped connection into status 0 and NETWORK', async () => {
    answer(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await apiRequest('/api/cart');
    expect(result).toMatchObject({ ok: false, status: 0, code: 'NETWORK', message: 'We could not reach the shop. Check your connection and try again.' });
  });

  it('lets an abort by the caller surface as the abort, not as an outage', async () => {
    const controller = new AbortController();
    controller.abort();
    answer(() => Promise.reject(new DOMException('The operation was aborted.', 'AbortError')));
    await expect(apiRequest('/api/stores/suggestions?q=se', { signal: controller.signal })).rejects.toThrow('aborted');
  });
});

describe('fieldErrorsFrom', () => {
  it("keys each message by the path's last segment and keeps the first message per field", () => {
    expect(
      fieldErrorsFrom([
        { path: 'shippingAddress.postalCode', message: 'Enter a ZIP code.' },
        { path: 'shippingAddress.postalCode', message: 'Too short.' },
        { path: 'email', message: 'Enter a valid email address.' },
      ]),
    ).toEqual({ postalCode: 'Enter a ZIP code.', email: 'Enter a valid email address.' });
  });

  it('gives no field errors for details that are not a validation list', () => {
    expect(fieldErrorsFrom({ lines: [{ productId: 'p1' }] })).toEqual({});
    expect(fieldErrorsFrom(undefined)).toEqual({});
    expect(fieldErrorsFrom([{ path: 3, message: 'x' }, null, 'text'])).toEqual({});
  });
});
