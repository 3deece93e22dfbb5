import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { GUEST_OWNER_PATTERN, isOrderId } from '../orders';
import { isLocalPlainHttpSite } from '../platform/config/loopback';

// The guest-order cookie: which guest orders this browser may read and cancel. `<payload>.<HMAC-SHA256>`, payload
// = base64url JSON of [orderId, owner] pairs, newest first. The owner (the order's guest partition) rides along so
// the order is read with one consistent GetItem right after checkout (the byOrderId index lags). Signed with a key
// of its own purpose, so no other value signed with SESSION_SECRET passes; httpOnly, so scripts never see it.
// Bounded: the newest MAX_GRANTS orders (about 700 bytes); an older one is reached again by the lookup.

export const GUEST_ORDERS_COOKIE = 'sf_guest_orders';
export const GUEST_ORDERS_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const MAX_GRANTS = 10;

export type GuestOrderGrant = { orderId: string; owner: string };

const payloadSchema = z.array(z.tuple([z.string().refine(isOrderId), z.string().regex(GUEST_OWNER_PATTERN)])).max(MAX_GRANTS);

function signature(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`sf_guest_orders:${payload}`).digest('base64url');
}

export function encodeGuestGrants(grants: GuestOrderGrant[], secret: string): string {
  const payload = Buffer.from(JSON.stringify(grants.slice(0, MAX_GRANTS).map((g) => [g.orderId, g.owner]))).toString('base64url');
  return `${payload}.${signature(payload, secret)}`;
}

/** The grants in a cookie value; none for a missing, malformed or tampered value. */
export function decodeGuestGrants(value: string | undefined, secret: string): GuestOrderGrant[] {
  if (!value || value.length > 4096) return [];
  const dot = value.indexOf('.');
  if (dot < 0) return [];
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(signature(payload, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return [];
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data.map(([orderId, owner]) => ({ orderId, owner })) : [];
  } catch {
    return [];
  }
}

/** This order first, then the others this browser already had, without repeats, at most MAX_GRANTS. */
export function withGrant(grants: GuestOrderGrant[], grant: GuestOrderGrant): GuestOrderGrant[] {
  return [grant, ...grants.filter((g) => g.orderId !== grant.orderId)].slice(0, MAX_GRANTS);
}

export function guestOrdersCookieOptions(siteUrl: string) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: !isLocalPlainHttpSite(siteUrl),
    path: '/',
    maxAge: GUEST_ORDERS_COOKIE_MAX_AGE_SECONDS,
  };
}
