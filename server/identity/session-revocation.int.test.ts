import { afterEach, describe, expect, it, vi } from 'vitest';
import { POST as signIn } from '@/app/api/auth/sign-in/route';
import { POST as signOut } from '@/app/api/auth/sign-out/route';
import { POST as signUp } from '@/app/api/auth/sign-up/route';
import { GET as me } from '@/app/api/me/route';
import { GET as orders } from '@/app/api/orders/route';
import { callRoute } from '@/tests/hardening/support/request-scope';
import { closeRedis, waitForRedis } from '../platform/cache';
import { parseCookieHeader } from '../platform/http/cookies';
import { establishSession } from './middleware-session';
import { cookieHeaderFrom, jsonRequest, siteUrl, uniqueEmail } from './testing/auth-requests';

// 19.9: after sign-out the old access token is refused at once — by middleware and by every handler — and still with
// Redis down, where DynamoDB's revoked-sessions table answers. Real cognito-local, DynamoDB Local and Redis.

vi.mock('next/headers', async () => (await import('@/tests/hardening/support/request-scope')).nextHeadersStub);
vi.mock('@/server/cart', () => ({ onSignIn: async () => {}, eraseCartOf: async () => {} }));

const PASSWORD = 'Sturdy-pass-42';
const REDIS_URL = process.env.REDIS_URL;

afterEach(async () => {
  if (REDIS_URL) process.env.REDIS_URL = REDIS_URL;
});

/** Signs a new account in and out; the cookie header the browser held while signed in (what a thief copied). */
async function signedOutCopy(): Promise<{ stolen: string; accessOnly: string }> {
  const email = uniqueEmail('revoked');
  expect((await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name: 'Signed Out' }), {})).status).toBe(201);
  const res = await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }), {});
  expect(res.status).toBe(200);
  const stolen = cookieHeaderFrom(res);
  // The copy works while the shopper is signed in: the refusals below are the sign-out's doing.
  expect((await statusOf(stolen)).me).toBe(200);
  expect((await signOut(jsonRequest('/api/auth/sign-out', {}, { cookie: stolen }), {})).status).toBe(204);
  const accessOnly = `sf_at=${encodeURIComponent(parseCookieHeader(stolen).get('sf_at')!)}`;
  return { stolen, accessOnly };
}

async function statusOf(cookie: string): Promise<{ me: number; orders: number; middleware: string | null }> {
  const get = (path: string) => new Request(`${siteUrl()}${path}`, { headers: { cookie } });
  const meRes = await me(get('/api/me'), {});
  const ordersRes = await callRoute(orders, get('/api/orders'), {});
  const session = await establishSession(new Headers({ cookie }));
  return { me: meRes.status, orders: ordersRes.status, middleware: session.userId };
}

describe('sign-out revokes the access token at once', () => {
  it('refuses the old sf_at in /api/me, /api/orders and middleware right after sign-out', async () => {
    const { stolen, accessOnly } = await signedOutCopy();
    expect(await statusOf(accessOnly)).toEqual({ me: 401, orders: 401, middleware: null });
    // With the refresh token as well: it was revoked at Cognito, so middleware cannot mint a new token either.
    expect(await statusOf(stolen)).toEqual({ me: 401, orders: 401, middleware: null });
  });

  it('still refuses it with Redis down: DynamoDB answers', async () => {
    const { accessOnly } = await signedOutCopy();
    await closeRedis();
    delete process.env.REDIS_URL;
    expect(await statusOf(accessOnly)).toEqual({ me: 401, orders: 401, middleware: null });
  });

  it.skipIf(!REDIS_URL)('still refuses it after Redis lost its data: the missing marker sends the check to DynamoDB', async () => {
    const { accessOnly } = await signedOutCopy();
    const redis = (await waitForRedis(3000))!;
    const revokedKeys = await redis.keys('sf:revoked:*');
    expect(revokedKeys.length).toBeGreaterThan(0);
    await redis.del(...revokedKeys);
    expect(await statusOf(accessOnly)).toEqual({ me: 401, orders: 401, middleware: null });
  });

  it('leaves other sessions signed in', async () => {
    await signedOutCopy();
    const email = uniqueEmail('still-in');
    await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name: 'Still In' }), {});
    const res = await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }), {});
    const cookie = cookieHeaderFrom(res);
    const status = await statusOf(cookie);
    expect(status.me).toBe(200);
    expect(status.orders).toBe(200);
    expect(status.middleware).not.toBeNull();
  });
});
