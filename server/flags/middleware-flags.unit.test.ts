import { NextRequest, NextResponse } from 'next/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mintAnonId } from '../identity/anon-id';
import { processSingleton } from '../platform/runtime';
import type { Flag } from './contract';
import type { FlagCache } from './flag-cache';
import { builtInFlags } from './flag-registry';
import { resetFlagSettingsForTests } from './flag-settings';
import { flagMiddlewareStep } from './middleware-flags';
import { resetSharedFlagCacheForTests } from './shared-flag-cache';

// The middleware step against an in-memory flag set (no DynamoDB): the integration suite covers the real table.

function useFlags(overrides: Partial<Flag> & { key: string }): { gets: number } {
  const counter = { gets: 0 };
  const flags = new Map(builtInFlags().map((f) => [f.key, f]));
  flags.set(overrides.key, { ...flags.get(overrides.key)!, ...overrides });
  const cache: FlagCache = {
    get: async () => {
      counter.gets++;
      return { flags, source: 'dynamodb' };
    },
    invalidate: () => {},
  };
  resetSharedFlagCacheForTests();
  processSingleton('flags:cache', () => cache);
  return counter;
}

function request(path: string, cookie?: string): { req: NextRequest; headers: Headers } {
  const req = new NextRequest(`http://127.0.0.1:3000${path}`, { headers: cookie ? { cookie } : {} });
  return { req, headers: new Headers(req.headers) };
}

const signedOut = { userId: null };

beforeEach(() => {
  delete process.env.FLAGS_MIDDLEWARE;
  resetFlagSettingsForTests();
});
afterEach(() => {
  resetSharedFlagCacheForTests();
});

describe('flag middleware step', () => {
  it('mints sf_anon on a first visit: on the response, and in this request for the page behind', async () => {
    useFlags({ key: 'store-locator' });
    const { req, headers } = request('/', 'sf_at=token');
    const step = await flagMiddlewareStep(req, headers, signedOut);
    const id = /sf_anon=([A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})/.exec(headers.get('cookie') ?? '')?.[1];
    expect(id).toBeDefined();
    expect(headers.get('cookie')).toContain('sf_at=token');
    const finished = step.finish(NextResponse.next());
    const setCookie = finished.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain(`sf_anon=${id}`);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Max-Age=34560000/);
  });

  it('keeps an existing sf_anon and sets no cookie', async () => {
    useFlags({ key: 'store-locator' });
    const id = mintAnonId();
    const { req, headers } = request('/stores', `sf_anon=${id}`);
    const step = await flagMiddlewareStep(req, headers, signedOut);
    expect(step.response).toBeNull();
    expect(step.finish(NextResponse.next()).headers.get('set-cookie')).toBeNull();
    expect(headers.get('cookie')).toBe(`sf_anon=${id}`);
  });

  it('does not read the flag set for paths no flag gates', async () => {
    const counter = useFlags({ key: 'store-locator', enabled: false });
    const { req, headers } = request('/p/some-product');
    const step = await flagMiddlewareStep(req, headers, signedOut);
    expect(step.response).toBeNull();
    expect(counter.gets).toBe(0);
  });

  it('answers 404 (the not-found page) for a page whose flag is off', async () => {
    useFlags({ key: 'store-locator', enabled: false });
    const { req, headers } = request('/stores');
    const step = await flagMiddlewareStep(req, headers, signedOut);
    expect(step.response?.status).toBe(404);
    expect(step.response?.headers.get('x-middleware-rewrite')).toContain('/_flag-off');
  });

  it('answers a JSON 404 for an API route whose flag is off', async () => {
    useFlags({ key: 'store-locator', enabled: false });
    const { req, headers } = request('/api/stores?q=seattle');
    const step = await flagMiddlewareStep(req, headers, signedOut);
    expect(step.response?.status).toBe(404);
    expect(await step.response?.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'This feature is not available.' } });
  });

  it('lets the shopper through when the flag is on for them', async () => {
    useFlags({ key: 'store-locator', audience: { kind: 'signed-in' } });
    const { req, headers } = request('/stores');
    expect((await flagMiddlewareStep(req, headers, { userId: 'u1' })).response).toBeNull();
    const anon = request('/stores');
    expect((await flagMiddlewareStep(anon.req, anon.headers, signedOut)).response?.status).toBe(404);
  });

  it('leaves a group audience to the page when the session step did not give groups', async () => {
    useFlags({ key: 'store-locator', audience: { kind: 'groups', groups: ['marketers'] } });
    const { req, headers } = request('/stores');
    expect((await flagMiddlewareStep(req, headers, { userId: 'u1' })).response).toBeNull();
    const withGroups = request('/stores');
    expect((await flagMiddlewareStep(withGroups.req, withGroups.headers, { userId: 'u1', groups: [] })).response?.status).toBe(404);
  });

  it('does nothing with FLAGS_MIDDLEWARE=off (the benchmark baseline)', async () => {
    process.env.FLAGS_MIDDLEWARE = 'off';
    resetFlagSettingsForTests();
    const counter = useFlags({ key: 'store-locator', enabled: false });
    const { req, headers } = request('/stores');
    const step = await flagMiddlewareStep(req, headers, signedOut);
    expect(step.response).toBeNull();
    expect(headers.get('cookie')).toBeNull();
    expect(counter.gets).toBe(0);
  });
});
