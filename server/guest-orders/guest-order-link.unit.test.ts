import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { LINK_TTL_SECONDS, signGuestOrderLinkToken, verifyGuestOrderLinkToken } from './guest-order-link';

const SECRET = 'unit-test-secret-0123456789';
const grant = { orderId: 'ord_00000000aAbCdEfGh', owner: `guest#${'b'.repeat(22)}` };

describe('the signed order link', () => {
  it('reads exactly the order it names until it expires', async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const token = await signGuestOrderLinkToken(grant, SECRET, now);
    expect(await verifyGuestOrderLinkToken(token, grant.orderId, SECRET, now)).toEqual(grant);
    expect(await verifyGuestOrderLinkToken(token, 'ord_00000000aZZZZZZZZ', SECRET, now)).toBeNull();
    const later = new Date(now.getTime() + (LINK_TTL_SECONDS + 1) * 1000);
    expect(await verifyGuestOrderLinkToken(token, grant.orderId, SECRET, later)).toBeNull();
    expect(await verifyGuestOrderLinkToken(token, grant.orderId, 'another-secret-0123456789', now)).toBeNull();
  });

  it('refuses a token for another purpose, one without expiry, and alg none', async () => {
    // The right key (derived as guest-order-link.ts does), the wrong claims.
    const key = new Uint8Array(createHmac('sha256', SECRET).update('guest-order-link:v1').digest());
    const signed = (aud: string, exp?: number) => {
      const jwt = new SignJWT({ own: grant.owner }).setProtectedHeader({ alg: 'HS256' }).setSubject(grant.orderId).setAudience(aud).setIssuer('storefront');
      return (exp ? jwt.setExpirationTime(exp) : jwt).sign(key);
    };
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    expect(await verifyGuestOrderLinkToken(await signed('guest-order:read', inAnHour), grant.orderId, SECRET)).toEqual(grant);
    expect(await verifyGuestOrderLinkToken(await signed('guest-order:cancel', inAnHour), grant.orderId, SECRET)).toBeNull();
    expect(await verifyGuestOrderLinkToken(await signed('guest-order:read'), grant.orderId, SECRET)).toBeNull();
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: grant.orderId, own: grant.owner, aud: 'guest-order:read', iss: 'storefront', exp: 9_999_999_999 })).toString('base64url')}.`;
    expect(await verifyGuestOrderLinkToken(unsigned, grant.orderId, SECRET)).toBeNull();
    expect(await verifyGuestOrderLinkToken('garbage', grant.orderId, SECRET)).toBeNull();
    expect(await verifyGuestOrderLinkToken(null, grant.orderId, SECRET)).toBeNull();
  });
});
