import { RequestCookies } from 'next/dist/compiled/@edge-runtime/cookies';
import { describe, expect, it } from 'vitest';
import { anonIdFromCookieHeader, cookieHeaderWithAnonId, mintAnonId, validAnonId } from './anon-id';

describe('sf_anon', () => {
  it('mints 128-bit random ids in base64url, signed, never the same twice', () => {
    const ids = new Set(Array.from({ length: 1000 }, mintAnonId));
    expect(ids.size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
      expect(validAnonId(id)).toBe(id);
    }
  });

  it('ignores ids this server did not mint: invented, unsigned (the old format) or edited (issue 30 L7)', () => {
    const id = mintAnonId();
    const [random, mac] = id.split('.') as [string, string];
    expect(validAnonId(random)).toBeNull();
    expect(validAnonId('AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(validAnonId(`${'B'.repeat(22)}.${mac}`)).toBeNull();
    expect(validAnonId(`${random}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(anonIdFromCookieHeader(`sf_anon=${random}`)).toBeNull();
  });

  it('ignores malformed values (they are replaced, and never reach the hash)', () => {
    expect(validAnonId('short')).toBeNull();
    expect(validAnonId('x'.repeat(500))).toBeNull();
    expect(validAnonId('AAAAAAAAAAAAAAAAAAAA;=')).toBeNull();
    expect(validAnonId(undefined)).toBeNull();
  });

  it('reads the id from a Cookie header', () => {
    const id = mintAnonId();
    expect(anonIdFromCookieHeader(`sf_at=abc; sf_anon=${id}; other=1`)).toBe(id);
    expect(anonIdFromCookieHeader('sf_at=abc')).toBeNull();
    expect(anonIdFromCookieHeader('sf_anon=bad')).toBeNull();
    expect(anonIdFromCookieHeader(null)).toBeNull();
  });

  it('reads the same sf_anon as next/headers when a request carries two, so middleware and pages bucket alike', () => {
    const [first, second] = [mintAnonId(), mintAnonId()];
    const header = `sf_anon=${first}; sf_at=abc; sf_anon=${second}`;
    expect(anonIdFromCookieHeader(header)).toBe(new RequestCookies(new Headers({ cookie: header })).get('sf_anon')?.value);
    expect(anonIdFromCookieHeader(header)).toBe(second);
    // Rewritten for the render behind middleware, the header carries exactly one: the one middleware bucketed by.
    const rewritten = new RequestCookies(new Headers({ cookie: cookieHeaderWithAnonId(`sf_anon=${first}; sf_anon=bad`, second) }));
    expect(rewritten.getAll('sf_anon').map((c) => c.value)).toEqual([second]);
  });

  it('writes the id into a Cookie header, replacing a malformed copy and keeping the rest', () => {
    const id = mintAnonId();
    expect(cookieHeaderWithAnonId('sf_at=abc; sf_anon=bad; x=1', id)).toBe(`sf_at=abc; sf_anon=${id}; x=1`);
    expect(cookieHeaderWithAnonId(null, id)).toBe(`sf_anon=${id}`);
    expect(anonIdFromCookieHeader(cookieHeaderWithAnonId('flag', id))).toBe(id);
  });
});
