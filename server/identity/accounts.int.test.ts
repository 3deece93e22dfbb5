import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as confirm } from '@/app/api/auth/confirm/route';
import { POST as forgotPassword } from '@/app/api/auth/forgot-password/route';
import { POST as resetPassword } from '@/app/api/auth/reset-password/route';
import { POST as signIn } from '@/app/api/auth/sign-in/route';
import { POST as signOut } from '@/app/api/auth/sign-out/route';
import { POST as signUp } from '@/app/api/auth/sign-up/route';
import { GET as me } from '@/app/api/me/route';
import { establishSession } from './middleware-session';
import { identitySettings } from './cognito-settings';
import { poolJwks } from './pool-jwks';
import { configureSignInRateLimiter, MemoryCounterStore } from './sign-in-rate-limit';
import { cookieHeaderFrom, jsonRequest, setCookies, siteUrl, uniqueEmail } from './testing/auth-requests';
import { verifyAccessToken } from './verify-access-token';

// Accounts against the real cognito-local of the test stack, through the route handlers a browser calls.

// The guest-cart merge reads next/headers' cookies(), which only exist inside a Next request; here we only check
// that sign-in hands it the verified user id.
const cartHooks = vi.hoisted(() => ({ onSignIn: vi.fn(async (_userId: string) => {}) }));
vi.mock('@/server/cart', () => cartHooks);

const PASSWORD = 'Sturdy-pass-42';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

async function meWith(cookie: string): Promise<Response> {
  return me(new Request(`${siteUrl()}/api/me`, { headers: { cookie } }), {});
}

async function registerAndSignIn(name = 'Robin Tester'): Promise<{ email: string; cookie: string; signInRes: Response }> {
  const email = uniqueEmail();
  const up = await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name }), {});
  expect(up.status).toBe(201);
  const signInRes = await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }), {});
  expect(signInRes.status).toBe(200);
  return { email, cookie: cookieHeaderFrom(signInRes), signInRes };
}

beforeEach(() => {
  // A fresh in-memory limiter per test: the tests share one client IP and would otherwise exhaust it together.
  configureSignInRateLimiter({ store: new MemoryCounterStore() });
});
afterEach(() => configureSignInRateLimiter());

describe('sign-up', () => {
  it('creates an account that is confirmed at once on the local stack', async () => {
    const res = await signUp(jsonRequest('/api/auth/sign-up', { email: uniqueEmail(), password: PASSWORD, name: 'New Shopper' }), {});
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ status: 'CONFIRMED' });
  });

  it('refuses a second account for the same email, whatever its case, with 409', async () => {
    const email = uniqueEmail();
    await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name: 'First' }), {});
    const res = await signUp(jsonRequest('/api/auth/sign-up', { email: email.toUpperCase(), password: PASSWORD, name: 'Second' }), {});
    expect(res.status).toBe(409);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.message).toBe('An account with this email already exists.');
  });

  it('explains each bad field instead of failing', async () => {
    const res = await signUp(jsonRequest('/api/auth/sign-up', { email: 'not-an-email', password: 'short', name: '' }), {});
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.map((d) => d.path).sort()).toEqual(['email', 'name', 'password']);
  });

  it('holds new passwords to the pool policy', async () => {
    const res = await signUp(jsonRequest('/api/auth/sign-up', { email: uniqueEmail(), password: 'alllowercase1', name: 'X' }), {});
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.details?.[0]?.path).toBe('password');
  });

  it('answers a wrong confirmation code with 400 under the code field, never a 500', async () => {
    const email = uniqueEmail();
    await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name: 'X' }), {});
    const res = await confirm(jsonRequest('/api/auth/confirm', { email, code: '000000' }), {});
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.details?.[0]?.path).toBe('code');
  });
});

describe('sign-in and the session', () => {
  it('signs in, sets httpOnly session cookies and /api/me returns the user', async () => {
    const { email, cookie, signInRes } = await registerAndSignIn('Robin Tester');
    const { user } = (await signInRes.json()) as { user: { id: string; email: string; name: string; groups: string[] } };
    expect(user).toMatchObject({ email, name: 'Robin Tester', groups: [] });
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);

    const cookies = setCookies(signInRes);
    expect([...cookies.keys()].sort()).toEqual(['sf_at', 'sf_profile', 'sf_rt']);
    for (const { attributes } of cookies.values()) {
      expect(attributes).toContain('HttpOnly');
      expect(attributes).toContain('SameSite=Lax');
      expect(attributes).toContain('Path=/');
    }

    const settings = identitySettings()!;
    const verified = await verifyAccessToken(cookies.get('sf_at')!.value, { issuer: settings.issuer, clientId: settings.clientId, keys: poolJwks(settings.jwksUrl) });
    expect(verified).toMatchObject({ ok: true, claims: { sub: user.id } });

    const res = await meWith(cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user });
    expect(cartHooks.onSignIn).toHaveBeenCalledWith(user.id);
  });

  it('reports the groups of the demo marketer', async () => {
    const res = await signIn(jsonRequest('/api/auth/sign-in', { email: 'Marketer@Example.com', password: 'Marketer-pass-1' }), {});
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { groups: string[]; name: string } }).user).toMatchObject({ groups: ['marketers'], name: 'Morgan Marketer' });
  });

  it('answers 401 from /api/me without a session', async () => {
    const res = await meWith('');
    expect(res.status).toBe(401);
    expect(((await res.json()) as ErrorBody).error.code).toBe('UNAUTHENTICATED');
  });

  it('finds the name through GetUser when the profile cookie is missing', async () => {
    const { cookie } = await registerAndSignIn('Profile Less');
    const withoutProfile = cookie.split('; ').filter((c) => !c.startsWith('sf_profile=')).join('; ');
    const res = await meWith(withoutProfile);
    expect(((await res.json()) as { user: { name: string } }).user.name).toBe('Profile Less');
  });

  it('refreshes an expired or missing access token from the refresh token, in the same request', async () => {
    const { cookie } = await registerAndSignIn();
    const onlyRefresh = cookie.split('; ').filter((c) => !c.startsWith('sf_at=')).join('; ');
    const headers = new Headers({ cookie: onlyRefresh });
    const session = await establishSession(headers);
    expect(session.userId).not.toBeNull();
    expect(session.cookiesToSet.map((c) => c.name)).toContain('sf_at');
    // The handler behind middleware sees the new token without a second round trip.
    const res = await meWith(headers.get('cookie') ?? '');
    expect(res.status).toBe(200);
  });

  it('answers a wrong password, or an unknown email, with the same 401', async () => {
    const { email } = await registerAndSignIn();
    for (const body of [{ email, password: 'Wrong-pass-1' }, { email: uniqueEmail('nobody'), password: PASSWORD }]) {
      const res = await signIn(jsonRequest('/api/auth/sign-in', body), {});
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Email or password is incorrect.' } });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });
});

describe('sign-out', () => {
  it('clears the cookies and revokes the refresh token', async () => {
    const { cookie } = await registerAndSignIn();
    const res = await signOut(jsonRequest('/api/auth/sign-out', {}, { cookie }), {});
    expect(res.status).toBe(204);
    const cleared = setCookies(res);
    expect([...cleared.keys()].sort()).toEqual(['sf_at', 'sf_profile', 'sf_rt']);
    for (const { value, attributes } of cleared.values()) {
      expect(value).toBe('');
      expect(attributes).toContain('Max-Age=0');
    }
    // The old refresh token no longer works: middleware drops the session instead of refreshing it.
    const onlyRefresh = cookie.split('; ').filter((c) => !c.startsWith('sf_at=')).join('; ');
    const session = await establishSession(new Headers({ cookie: onlyRefresh }));
    expect(session.userId).toBeNull();
    expect(session.cookiesToSet.every((c) => c.options.maxAge === 0)).toBe(true);
  });
});

describe('sign-in rate limits', () => {
  it('answers 429 with Retry-After once an account has used its attempts, even for the right password', async () => {
    configureSignInRateLimiter({
      limits: { perAccount: { max: 3, windowSeconds: 120 }, perIp: { max: 100, windowSeconds: 60 } },
      store: new MemoryCounterStore(),
    });
    const email = uniqueEmail();
    await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name: 'X' }), {});
    for (let i = 0; i < 3; i++) {
      expect((await signIn(jsonRequest('/api/auth/sign-in', { email, password: `Wrong-pass-${i}` }), {})).status).toBe(401);
    }
    const res = await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }), {});
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(res.headers.get('Retry-After'))).toBeLessThanOrEqual(120);
    expect(((await res.json()) as ErrorBody).error.code).toBe('RATE_LIMITED');
  });

  it('answers 429 once one IP has used its attempts across accounts', async () => {
    configureSignInRateLimiter({
      limits: { perAccount: { max: 100, windowSeconds: 60 }, perIp: { max: 2, windowSeconds: 60 } },
      store: new MemoryCounterStore(),
    });
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < 2; i++) {
      await signIn(jsonRequest('/api/auth/sign-in', { email: uniqueEmail(), password: PASSWORD }, from('203.0.113.50')), {});
    }
    const res = await signIn(jsonRequest('/api/auth/sign-in', { email: uniqueEmail(), password: PASSWORD }, from('203.0.113.50')), {});
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toMatch(/^\d+$/);
  });
});

describe('origin checks on account mutations', () => {
  it('refuses a sign-in or sign-out posted from another site with 403', async () => {
    const { cookie } = await registerAndSignIn();
    const foreign = { origin: 'https://evil.example' };
    const res1 = await signIn(jsonRequest('/api/auth/sign-in', { email: 'shopper@example.com', password: 'Shopper-pass-1' }, foreign), {});
    expect(res1.status).toBe(403);
    const res2 = await signOut(jsonRequest('/api/auth/sign-out', {}, { ...foreign, cookie }), {});
    expect(res2.status).toBe(403);
    expect(((await res2.json()) as ErrorBody).error.code).toBe('FORBIDDEN');
    // The session survived the forged sign-out.
    expect((await meWith(cookie)).status).toBe(200);
  });
});

describe('password reset', () => {
  it('answers 200 whether or not the account exists', async () => {
    const { email } = await registerAndSignIn();
    for (const address of [email, uniqueEmail('nobody')]) {
      const res = await forgotPassword(jsonRequest('/api/auth/forgot-password', { email: address }), {});
      expect(res.status).toBe(200);
    }
  });

  it('explains a wrong code under the code field', async () => {
    const { email } = await registerAndSignIn();
    await forgotPassword(jsonRequest('/api/auth/forgot-password', { email }), {});
    const res = await resetPassword(jsonRequest('/api/auth/reset-password', { email, code: '000000', password: 'Another-pass-9' }), {});
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.details?.[0]?.path).toBe('code');
  });
});
