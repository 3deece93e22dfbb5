import { createHmac, timingSafeEqual } from 'node:crypto';
import { getConfig } from '../platform/config';

// The unsubscribe link works without a session, so it carries its own proof: an HMAC of the user id under the
// server's secret. Anyone holding the link can withdraw that one shopper's consent — which is what the link is for —
// and nobody can forge a link for another shopper.

function sign(userId: string): string {
  return createHmac('sha256', getConfig().SESSION_SECRET).update(`unsubscribe:${userId}`).digest('base64url');
}

export function unsubscribeToken(userId: string): string {
  return sign(userId);
}

export function validUnsubscribeToken(userId: string, token: string): boolean {
  const expected = Buffer.from(sign(userId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function unsubscribeUrl(userId: string): string {
  const url = new URL('/api/unsubscribe', getConfig().SITE_URL);
  url.search = new URLSearchParams({ u: userId, t: unsubscribeToken(userId) }).toString();
  return url.toString();
}
