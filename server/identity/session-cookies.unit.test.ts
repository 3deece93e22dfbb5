import { describe, expect, it } from 'vitest';
import { isLocalPlainHttpSite } from '../platform/config/loopback';
import { clearedSessionCookies, REFRESH_COOKIE_MAX_AGE, rewriteCookieHeader, serializeCookie, sessionCookieOptions, sessionCookies } from './session-cookies';

describe('session cookie options', () => {
  it('are httpOnly, SameSite=Lax, Path=/ and Secure outside plain-http localhost', () => {
    expect(sessionCookieOptions('https://shop.example', 60)).toEqual({ httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge: 60 });
    expect(sessionCookieOptions('http://localhost:3000', 60).secure).toBe(false);
    expect(sessionCookieOptions('http://127.0.0.1:3201', 60).secure).toBe(false);
    // Only plain http on the loopback names is exempt.
    expect(sessionCookieOptions('https://localhost:3000', 60).secure).toBe(true);
    expect(sessionCookieOptions('http://shop.example', 60).secure).toBe(true);
    expect(isLocalPlainHttpSite('http://localhost.evil.example')).toBe(false);
  });

  it('give the access cookie the token lifetime and the refresh and profile cookies 30 days', () => {
    const nowMs = 1_700_000_000_000;
    const cookies = sessionCookies(
      { accessToken: 'at', accessExpiresAt: nowMs / 1000 + 3600, refreshToken: 'rt', profile: 'p' },
      'https://shop.example',
      nowMs,
    );
    expect(cookies.map((c) => [c.name, c.options.maxAge])).toEqual([
      ['sf_at', 3600],
      ['sf_rt', REFRESH_COOKIE_MAX_AGE],
      ['sf_profile', REFRESH_COOKIE_MAX_AGE],
    ]);
    expect(REFRESH_COOKIE_MAX_AGE).toBe(30 * 24 * 3600);
  });

  it('leave the refresh cookie alone on a refresh that did not rotate it', () => {
    const cookies = sessionCookies({ accessToken: 'at', accessExpiresAt: Date.now() / 1000 + 60 }, 'https://shop.example');
    expect(cookies.map((c) => c.name)).toEqual(['sf_at']);
  });

  it('serialise to a Set-Cookie header no script can read', () => {
    const [access] = sessionCookies({ accessToken: 'a.b.c', accessExpiresAt: 2_000_000_000 }, 'https://shop.example', 1_999_999_000_000);
    expect(serializeCookie(access!)).toBe('sf_at=a.b.c; Path=/; Max-Age=1000; HttpOnly; SameSite=Lax; Secure');
  });

  it('delete every session cookie on sign-out', () => {
    const cleared = clearedSessionCookies('http://localhost:3000').map(serializeCookie);
    expect(cleared).toHaveLength(3);
    for (const header of cleared)
      expect(header).toMatch(/^sf_(at|rt|profile)=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/);
  });
});

describe('cookie headers', () => {
  it('are rewritten so the same request sees a refreshed token and no deleted ones', () => {
    const fresh = sessionCookies({ accessToken: 'new', accessExpiresAt: Date.now() / 1000 + 60 }, 'https://shop.example');
    expect(rewriteCookieHeader('sf_at=old; cart=c1', fresh)).toBe('sf_at=new; cart=c1');
    expect(rewriteCookieHeader('sf_at=old; sf_rt=r; cart=c1', clearedSessionCookies('https://shop.example'))).toBe('cart=c1');
  });
});
