import { describe, expect, it } from 'vitest';
import { decodeProfileCookie, encodeProfileCookie } from './profile-cookie';

const SECRET = 'test-secret-0123456789abcdef';
const profile = { sub: 'u-1', email: 'sam@example.com', name: 'Sam Ünïcode' };

describe('the signed profile cookie', () => {
  it('round-trips', () => {
    expect(decodeProfileCookie(encodeProfileCookie(profile, SECRET), SECRET)).toEqual(profile);
  });

  it('is refused when tampered with or signed with another secret', () => {
    const value = encodeProfileCookie(profile, SECRET);
    const [v, , sig] = value.split('.');
    const forged = `${v}.${Buffer.from(JSON.stringify({ s: 'admin', e: 'x@x', n: 'X' })).toString('base64url')}.${sig}`;
    expect(decodeProfileCookie(forged, SECRET)).toBeNull();
    expect(decodeProfileCookie(value, 'another-secret-0123456789')).toBeNull();
    expect(decodeProfileCookie('garbage', SECRET)).toBeNull();
    expect(decodeProfileCookie(undefined, SECRET)).toBeNull();
  });
});
