import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors';
import { assertSameOriginAgainst, isSameOriginRequest } from './same-origin';

const SITE = 'https://shop.example';

function post(url: string, headers: Record<string, string>): Request {
  return new Request(url, { method: 'POST', headers });
}

describe('same-origin check for cookie-authenticated mutations', () => {
  it('accepts an Origin equal to SITE_URL', () => {
    expect(isSameOriginRequest(post('https://shop.example/api/cart/items', { origin: 'https://shop.example' }), SITE)).toBe(true);
  });

  it("accepts the request's own origin (a preview or direct function URL)", () => {
    expect(isSameOriginRequest(post('https://abc.lambda-url.aws/api/cart/items', { origin: 'https://abc.lambda-url.aws' }), SITE)).toBe(true);
  });

  it('refuses a foreign Origin, a look-alike, another scheme or port, and "null"', () => {
    for (const origin of ['https://evil.example', 'https://shop.example.evil.example', 'http://shop.example', 'https://shop.example:8443', 'null']) {
      expect(isSameOriginRequest(post('https://shop.example/api/cart/items', { origin }), SITE), origin).toBe(false);
    }
  });

  it('falls back to Referer when Origin is absent', () => {
    expect(isSameOriginRequest(post('https://shop.example/api/x', { referer: 'https://shop.example/p/mug' }), SITE)).toBe(true);
    expect(isSameOriginRequest(post('https://shop.example/api/x', { referer: 'https://evil.example/page' }), SITE)).toBe(false);
    expect(isSameOriginRequest(post('https://shop.example/api/x', { referer: 'not a url' }), SITE)).toBe(false);
  });

  it('lets a non-browser client without Origin or Referer through, but not a browser saying cross-site', () => {
    expect(isSameOriginRequest(post('https://shop.example/api/x', {}), SITE)).toBe(true);
    expect(isSameOriginRequest(post('https://shop.example/api/x', { 'sec-fetch-site': 'cross-site' }), SITE)).toBe(false);
  });

  it('throws FORBIDDEN (403) for a foreign origin', () => {
    const attempt = () => assertSameOriginAgainst(post('https://shop.example/api/x', { origin: 'https://evil.example' }), SITE);
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (err) {
      expect((err as AppError).status).toBe(403);
      expect((err as AppError).code).toBe('FORBIDDEN');
    }
  });
});
