import { createHmac } from 'node:crypto';
import { getConfig } from '../platform/config';

// Guest orders live in the orders table under a partition of their own, derived from the email the guest gave:
// `guest#<HMAC-SHA256(SESSION_SECRET, "guest-orders:" + email), 22 base64url characters>`. Derived, so a lookup by
// email + order id is one GetItem whatever is wrong (no scan, no early answer), and a claim at sign-in is one Query
// of that partition. Keyed, so the partition name reveals neither the email nor a way to test guesses offline.
// A Cognito sub never starts with `guest#`, so no shopper's "my orders" Query can reach these items.

const PREFIX = 'guest#';

export function guestOrderOwner(email: string): string {
  const normalised = email.trim().toLowerCase();
  const mac = createHmac('sha256', getConfig().SESSION_SECRET).update(`guest-orders:${normalised}`).digest('base64url');
  return `${PREFIX}${mac.slice(0, 22)}`;
}

export const GUEST_OWNER_PATTERN = /^guest#[A-Za-z0-9_-]{22}$/;

export function isGuestOwner(userId: string): boolean {
  return GUEST_OWNER_PATTERN.test(userId);
}
