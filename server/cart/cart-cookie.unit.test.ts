import { describe, expect, it } from 'vitest';
import { cartCookieOptions, newGuestCartId, signGuestCartId, verifyGuestCartCookie } from './cart-cookie';

const secret = 'test-secret-0123456789abcdef';

describe('guest cart cookie', () => {
  it('round-trips a signed id', () => {
    const id = newGuestCartId();
    expect(verifyGuestCartCookie(signGuestCartId(id, secret), secret)).toBe(id);
  });
  it('ignores a tampered id, a tampered signature, another secret and junk', () => {
    const id = newGuestCartId();
    const value = signGuestCartId(id, secret);
    const [, sig] = value.split('.');
    const otherId = newGuestCartId();
    expect(verifyGuestCartCookie(`${otherId}.${sig}`, secret)).toBeNull();
    expect(verifyGuestCartCookie(`${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`, secret)).toBeNull();
    expect(verifyGuestCartCookie(value, `${secret}-other`)).toBeNull();
    expect(verifyGuestCartCookie(id, secret)).toBeNull();
    expect(verifyGuestCartCookie('', secret)).toBeNull();
    expect(verifyGuestCartCookie(undefined, secret)).toBeNull();
    expect(verifyGuestCartCookie('../../etc.passwd', secret)).toBeNull();
  });
  it('is httpOnly and Lax everywhere, Secure except on loopback', () => {
    expect(cartCookieOptions('http://localhost:3000')).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
    expect(cartCookieOptions('http://127.0.0.1:3202')).toMatchObject({ secure: false });
    expect(cartCookieOptions('https://shop.example.com')).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true });
  });
});
