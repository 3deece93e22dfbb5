import { describe, expect, it } from 'vitest';
import { anonIdFromCookieHeader, cookieHeaderWithAnonId, mintAnonId, validAnonId } from './anon-id';

describe('sf_anon', () => {
  it('mints 128-bit random ids in base64url, never the same twice', () => {
    const ids = new Set(Array.from({ length: 1000 }, mintAnonId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(validAnonId(id)).toBe(id);
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

  it('writes the id into a Cookie header, replacing a malformed copy and keeping the rest', () => {
    const id = mintAnonId();
    expect(cookieHeaderWithAnonId('sf_at=abc; sf_anon=bad; x=1', id)).toBe(`sf_at=abc; x=1; sf_anon=${id}`);
    expect(cookieHeaderWithAnonId(null, id)).toBe(`sf_anon=${id}`);
    expect(anonIdFromCookieHeader(cookieHeaderWithAnonId('flag', id))).toBe(id);
  });
});
