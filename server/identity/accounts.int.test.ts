import { describe, expect, inject, it, vi } from 'vitest';
import { POST as confirm } from '@/app/api/auth/confirm/route';
import { POST as forgotPassword } from '@/app/api/auth/forgot-password/route';
import { POST as resetPassword } from '@/app/api/auth/reset-password/route';
import { POST as signIn } from '@/app/api/auth/sign-in/route';
import { POST as signOut } from '@/app/api/auth/sign-out/route';
import { POST as signUp } from '@/app/api/auth/sign-up/route';
import { GET as me } from '@/app/api/me/route';
import { resetConfigForTests } from '../config';
import { identitySettings } from './cognito-settings';
import { establishSession } from './middleware-session';
import { poolJwks } from './pool-jwks';
import { cookieHeaderFrom, from, jsonRequest, setCookies, siteUrl, testAddress, uniqueEmail } from './testing/auth-requests';
import { pendingResetCode } from './testing/reset-codes';
import { verifyAccessToken } from './verify-access-token';

// Accounts against the real cognito-local of the test stack, through the route handlers a browser calls.

// The guest-cart merge reads next/headers' cookies(), which only exist inside a Next request; here we only check
// that sign-in hands it the verified user id.
const cartHooks = vi.hoisted(() => ({ onSignIn: vi.fn(async (_userId: string) => {}), eraseCartOf: vi.fn(async (_userId: string) => {}) }));
vi.mock('@/server/cart', () => cartHooks);

const PASSWORD = 'Sturdy-pass-42';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

async function meWith(cookie: string): Promise<Response> {
  return me(new Request(`${siteUrl()}/api/me`, { headers: { cookie } }), {});
}

async function registerAndSignIn(name = 'Robin Tester', headers: Record<string, string> = {}): Promise<{ email: string; cookie: string; signInRes: Response }> {
  const email = uniqueEmail();
  const up = await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name }, headers), {});
  expect(up.status).toBe(201);
  const signInRes = await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }, headers), {});
  expect(signInRes.status).toBe(200);
  return { email, cookie: cookieHeaderFrom(signInRes), signInRes };
}

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

  it('answers confirmation the same for an existing account and for an email nobody has', async () => {
    const email = uniqueEmail();
    await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name: 'X' }), {});
    const answers = [];
    for (const who of [email, uniqueEmail('nobody')]) {
      const res = await confirm(jsonRequest('/api/auth/confirm', { email: who, code: '000000' }), {});
      answers.push({ status: res.status, body: await res.json() });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
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
    const verified = await verifyAccessToken(cookies.get('sf_at')!.value, {
      issuer: settings.issuer,
      clientId: settings.clientId,
      keys: poolJwks(settings.jwksUrl),
    });
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
    const withoutProfile = cookie
      .split('; ')
      .filter((c) => !c.startsWith('sf_profile='))
      .join('; ');
    const res = await meWith(withoutProfile);
    expect(((await res.json()) as { user: { name: string } }).user.name).toBe('Profile Less');
  });

  it('refreshes an expired or missing access token from the refresh token, in the same request', async () => {
    const { cookie } = await registerAndSignIn();
    const onlyRefresh = cookie
      .split('; ')
      .filter((c) => !c.startsWith('sf_at='))
      .join('; ');
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
    for (const body of [
      { email, password: 'Wrong-pass-1' },
      { email: uniqueEmail('nobody'), password: PASSWORD },
    ]) {
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
    const onlyRefresh = cookie
      .split('; ')
      .filter((c) => !c.startsWith('sf_at='))
      .join('; ');
    const session = await establishSession(new Headers({ cookie: onlyRefresh }));
    expect(session.userId).toBeNull();
    expect(session.cookiesToSet.every((c) => c.options.maxAge === 0)).toBe(true);
  });
});

async function statuses(count: number, request: (i: number) => Response | Promise<Response>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await request(i)).status);
  return out;
}

describe('sign-in rate limits', () => {
  const attempt = (email: string, password: string, headers: Record<string, string>) =>
    signIn(jsonRequest('/api/auth/sign-in', { email, password }, headers), {});

  it('never refuses correct sign-ins, however many come from one address (an office NAT)', async () => {
    const office = from(testAddress());
    const { email } = await registerAndSignIn('Office Worker', office);
    expect(await statuses(21, () => attempt(email, PASSWORD, office))).toEqual(Array(21).fill(200));
  });

  it('counts a guesser by the socket address, whatever X-Forwarded-For each guess claims', async () => {
    const { email } = await registerAndSignIn();
    const socket = testAddress();
    const guesses = await statuses(25, (i) => attempt(email, `Wrong-pass-${i}`, { ...from(socket), 'x-forwarded-for': `198.51.100.${i + 1}` }));
    expect(guesses).toEqual([...Array(5).fill(401), ...Array(20).fill(429)]);
    const locked = await attempt(email, PASSWORD, from(socket));
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as ErrorBody).error.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('Retry-After'))).toBeLessThanOrEqual(15 * 60);
    expect(locked.headers.getSetCookie()).toEqual([]);
  });

  it('stops a sprayer who claims a fresh X-Forwarded-For for every account it tries, by its socket address', async () => {
    const socket = testAddress();
    const guesses = await statuses(21, (i) => attempt(uniqueEmail('spray'), 'Guess-pass-1', { ...from(socket), 'x-forwarded-for': `198.51.100.${i + 1}` }));
    expect(guesses).toEqual([...Array(20).fill(401), 429]);
  });

  it('behind a proxy, puts forwarded values that are not addresses in one shared bucket — never in none', async () => {
    process.env.TRUSTED_PROXY_HOPS = '1';
    resetConfigForTests();
    try {
      const { email } = await registerAndSignIn();
      // A different piece of junk each time: they all land in the one `unknown` bucket.
      const guesses = await statuses(6, (i) => attempt(email, `Wrong-pass-${i}`, { 'x-forwarded-for': `junk-${i}-${testAddress()}x` }));
      expect(guesses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(guesses[5]).toBe(429);
      // Across accounts too: junk is one address, not a way around the per-address limit.
      const sprayed = await statuses(21, (i) => attempt(uniqueEmail('junk'), 'Guess-pass-1', { 'x-forwarded-for': `junk-${i}` }));
      expect(sprayed.every((s) => s === 401 || s === 429)).toBe(true);
      expect(sprayed[20]).toBe(429);
    } finally {
      delete process.env.TRUSTED_PROXY_HOPS;
      resetConfigForTests();
    }
  });

  it('lets the owner in from their usual address after 5 wrong guesses from elsewhere', async () => {
    const owner = from(testAddress());
    const { email } = await registerAndSignIn('Owner', owner);
    const attacker = from(testAddress());
    expect(await statuses(6, (i) => attempt(email, `Wrong-pass-${i}`, attacker))).toEqual([...Array(5).fill(401), 429]);
    expect((await attempt(email, PASSWORD, owner)).status).toBe(200);
  });

  it('stops guesses rotating addresses at the account limit, and still lets the owner in from a known address', async () => {
    const owner = from(testAddress());
    const { email } = await registerAndSignIn('Rotated', owner);
    const guesses = await statuses(51, (i) => attempt(email, `Wrong-pass-${i}`, from(testAddress())));
    expect(guesses.slice(0, 50)).toEqual(Array(50).fill(401));
    expect(guesses[50]).toBe(429);
    // A new address is refused even with the right password (no oracle); the owner's own is not.
    expect((await attempt(email, PASSWORD, from(testAddress()))).status).toBe(429);
    expect((await attempt(email, PASSWORD, owner)).status).toBe(200);
  });

  it('stops one address spraying many accounts after 20 failures, across accounts', async () => {
    const sprayer = from(testAddress());
    const guesses = await statuses(21, () => attempt(uniqueEmail('spray'), 'Guess-pass-1', sprayer));
    expect(guesses).toEqual([...Array(20).fill(401), 429]);
    // Another address is not collateral damage.
    const { email } = await registerAndSignIn();
    expect((await attempt(email, PASSWORD, from(testAddress()))).status).toBe(200);
  });
});

describe('confirmation and sign-up limits', () => {
  it('refuses a sixth wrong code for one email from one address with 429, existing account or not', async () => {
    const email = uniqueEmail();
    await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name: 'X' }), {});
    for (const who of [email, uniqueEmail('nobody')]) {
      const client = from(testAddress());
      const codes = await statuses(6, (i) => confirm(jsonRequest('/api/auth/confirm', { email: who, code: `00000${i}` }, client), {}));
      expect(codes).toEqual([...Array(5).fill(400), 429]);
    }
  });

  it('refuses an address that keeps finding taken emails at sign-up with 429', async () => {
    const client = from(testAddress());
    const { email } = await registerAndSignIn();
    const taken = await statuses(21, () => signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name: 'Again' }, client), {}));
    expect(taken).toEqual([...Array(20).fill(409), 429]);
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

  it('with the emailed code sets the new password and ends every session the account had, signing nobody in', async () => {
    const { email, cookie: before } = await registerAndSignIn('Reset Owner');
    // A second device, signed in too: the reset is for a shopper who fears someone else is in their account.
    const other = cookieHeaderFrom(await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }), {}));
    expect((await meWith(before)).status).toBe(200);
    expect((await meWith(other)).status).toBe(200);

    await forgotPassword(jsonRequest('/api/auth/forgot-password', { email }), {});
    const code = pendingResetCode(inject('cognitoLocalDir'), email);
    const res = await resetPassword(jsonRequest('/api/auth/reset-password', { email, code, password: 'Another-pass-9' }), {});
    expect(res.status).toBe(200);
    expect(setCookies(res).size).toBe(0);

    for (const cookie of [before, other]) {
      const after = await meWith(cookie);
      expect(after.status).toBe(401);
    }
    // The old password is gone; the new one signs in (a second on: the marker refuses the reset's own second).
    expect((await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }), {})).status).toBe(401);
    await new Promise((r) => setTimeout(r, 1100));
    const fresh = await signIn(jsonRequest('/api/auth/sign-in', { email, password: 'Another-pass-9' }), {});
    expect(fresh.status).toBe(200);
    expect((await meWith(cookieHeaderFrom(fresh))).status).toBe(200);
  });
});
