import { createHmac } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { GUEST_OWNER_PATTERN, isOrderId } from '../orders';

// The signed link in a guest's confirmation email: `/orders/<id>?access=<token>`, the token an HS256 JWT whose key
// is derived from SESSION_SECRET for this purpose only. Single purpose: `aud` says "read this order", `sub` names
// the order and `own` its guest partition; it expires (LINK_TTL_SECONDS). It reads — it does not cancel and sets no
// cookie: cancelling takes the cookie the checkout (or the lookup) set.

export const LINK_TTL_SECONDS = 30 * 24 * 60 * 60;
const AUDIENCE = 'guest-order:read';
const ISSUER = 'storefront';

function linkKey(secret: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', secret).update('guest-order-link:v1').digest());
}

export async function signGuestOrderLinkToken(grant: { orderId: string; owner: string }, secret: string, now = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ own: grant.owner })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(grant.orderId)
    .setAudience(AUDIENCE)
    .setIssuer(ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(iat + LINK_TTL_SECONDS)
    .sign(linkKey(secret));
}

/** The order and owner a link token grants reading of, or null (tampered, expired, another purpose, another order). */
export async function verifyGuestOrderLinkToken(
  token: string | null | undefined,
  orderId: string,
  secret: string,
  now = new Date(),
): Promise<{ orderId: string; owner: string } | null> {
  if (!token || token.length > 2048) return null;
  try {
    const { payload } = await jwtVerify(token, linkKey(secret), {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      issuer: ISSUER,
      requiredClaims: ['exp', 'sub'],
      currentDate: now,
    });
    const owner = typeof payload.own === 'string' ? payload.own : '';
    if (payload.sub !== orderId || !isOrderId(orderId) || !GUEST_OWNER_PATTERN.test(owner)) return null;
    return { orderId, owner };
  } catch (err) {
    if (err instanceof errors.JOSEError) return null;
    throw err;
  }
}
