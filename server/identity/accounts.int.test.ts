import { describe, expect, inject, it, vi } from 'vitest';
import { POST as confirm } from '@/app/api/auth/confirm/route';
import { POST as forgotPassword } from '@/app/api/auth/forgot-password/route';
import { POST as resetPassword } from '@/app/api/auth/reset-password/route';
import { POST as signIn } from '@/app/api/auth/sign-in/route';
import { POST as signOut } from '@/app/api/auth/sign-out/route';
import { POST as signUp } from '@/app/api/auth/sign-up/route';
import { GET as me } from '@/app/api/me/route';
import { resetConfigForTests } from '../platform/config';
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
    expect([...cookies.keys()].sort()).toEqual(['sf_at', 'sf_device', 'sf_profile', 'sf_rt']);
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

describe('sign-in lock-out by others (issue 30 M3)', () => {
  const attempt = (email: string, password: string, headers: Record<string, string>) =>
    signIn(jsonRequest('/api/auth/sign-in', { email, password }, headers), {});
  const spray = (headers: Record<string, string>) => statuses(20, () => attempt(uniqueEmail('nat-spray'), 'Guess-pass-1', headers));

  it('a shopper who signed in from a shared address before is not locked out by a sprayer behind it; guessing stays stopped', async () => {
    const nat = from(testAddress());
    const { email } = await registerAndSignIn('Campus Shopper', nat);
    const { email: newcomer } = await registerAndSignIn('Newcomer', from(testAddress()));
    expect(await spray(nat)).toEqual(Array(20).fill(401));
    expect((await attempt(email, PASSWORD, nat)).status).toBe(200);
    // Whoever never signed in from there stays behind the address's limit, right password or not.
    expect((await attempt(uniqueEmail('nat-spray'), 'Guess-pass-1', nat)).status).toBe(429);
    expect((await attempt(newcomer, PASSWORD, nat)).status).toBe(429);
  });

  it("a browser with the account's signed device cookie signs in from a locked address; a forged or foreign one does not", async () => {
    const { email, signInRes } = await registerAndSignIn('Traveller', from(testAddress()));
    const device = setCookies(signInRes).get('sf_device');
    expect(device?.attributes).toMatch(/HttpOnly/i);
    const { signInRes: otherRes } = await registerAndSignIn('Other', from(testAddress()));
    const otherDevice = setCookies(otherRes).get('sf_device')!.value;
    const cafe = from(testAddress());
    expect(await spray(cafe)).toEqual(Array(20).fill(401));
    const withCookie = (value: string) => ({ ...cafe, cookie: `sf_device=${encodeURIComponent(value)}` });
    expect((await attempt(email, PASSWORD, withCookie(`${device!.value.slice(0, -2)}xx`))).status).toBe(429);
    expect((await attempt(email, PASSWORD, withCookie(otherDevice))).status).toBe(429);
    expect((await attempt(email, PASSWORD, withCookie(device!.value))).status).toBe(200);
    // The device's own window (5), then the address's windows as for any client: the café is now a known address of
    // the account (it signed in there), so its account + address window (5) is what is left.
    expect(await statuses(11, (i) => attempt(email, `Wrong-pass-${i}`, withCookie(device!.value)))).toEqual([...Array(10).fill(401), 429]);
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
    const taken = await statuses(11, () => signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name: 'Again' }, client), {}));
    expect(taken).toEqual([...Array(10).fill(409), 429]);
  });

  it('counts every sign-up per address and per network, new accounts too (issue 30 M6)', async () => {
    const client = from(testAddress());
    const made = await statuses(11, () =>
      signUp(jsonRequest('/api/auth/sign-up', { email: uniqueEmail('stranger'), password: PASSWORD, name: 'X' }, client), {}),
    );
    expect(made).toEqual([...Array(10).fill(201), 429]);
    // A refused form asked nothing of Cognito and mailed nobody: it does not count.
    const other = from(testAddress());
    expect(await statuses(12, () => signUp(jsonRequest('/api/auth/sign-up', { email: 'bad', password: PASSWORD, name: 'X' }, other), {}))).toEqual(
      Array(12).fill(400),
    );
    // Neighbours in one /48 share 30.
    const site = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}`;
    const spread = await statuses(31, (i) =>
      signUp(jsonRequest('/api/auth/sign-up', { email: uniqueEmail('spread'), password: PASSWORD, name: 'X' }, from(`${site}:${i.toString(16)}::1`)), {}),
    );
    expect(spread).toEqual([...Array(30).fill(201), 429]);
  });
});

describe('password reset limits (issue 30 M5)', () => {
  it('voids the outstanding code after 5 wrong ones, so the real code no longer works; a new code does', async () => {
    const { email } = await registerAndSignIn('Reset Target');
    const client = from(testAddress());
    expect((await forgotPassword(jsonRequest('/api/auth/forgot-password', { email }, client), {})).status).toBe(200);
    const code = pendingResetCode(inject('cognitoLocalDir'), email);
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    // Guesses from rotating addresses: the code's own count, not the address's, voids it.
    const guesses = await statuses(5, (i) =>
      resetPassword(jsonRequest('/api/auth/reset-password', { email, code: wrong(i), password: 'Another-pass-9' }, from(testAddress())), {}),
    );
    expect(guesses).toEqual(Array(5).fill(400));
    const real = await resetPassword(jsonRequest('/api/auth/reset-password', { email, code, password: 'Another-pass-9' }, client), {});
    expect(real.status).toBe(400);
    expect(((await real.json()) as ErrorBody).error.details?.[0]?.path).toBe('code');
    // The old password still works: nothing was reset.
    expect((await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }, client), {})).status).toBe(200);

    await forgotPassword(jsonRequest('/api/auth/forgot-password', { email }, client), {});
    const fresh = pendingResetCode(inject('cognitoLocalDir'), email);
    expect((await resetPassword(jsonRequest('/api/auth/reset-password', { email, code: fresh, password: 'Another-pass-9' }, client), {})).status).toBe(200);
  });

  it('refuses one address guessing reset codes across accounts, and asking for codes without end, with 429', async () => {
    const client = from(testAddress());
    const guesses = await statuses(21, (i) =>
      resetPassword(
        jsonRequest(
          '/api/auth/reset-password',
          { email: uniqueEmail('reset-spray'), code: `1234${String(i).padStart(2, '0')}`, password: 'Another-pass-9' },
          client,
        ),
        {},
      ),
    );
    expect(guesses).toEqual([...Array(20).fill(400), 429]);
    const asker = from(testAddress());
    const asks = await statuses(11, () => forgotPassword(jsonRequest('/api/auth/forgot-password', { email: uniqueEmail('ask') }, asker), {}));
    expect(asks).toEqual([...Array(10).fill(200), 429]);
    const one = uniqueEmail('ask-one');
    const perAccount = await statuses(6, () => forgotPassword(jsonRequest('/api/auth/forgot-password', { email: one }, from(testAddress())), {}));
    expect(perAccount).toEqual([...Array(5).fill(200), 429]);
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
