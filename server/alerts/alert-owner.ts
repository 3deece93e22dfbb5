import { createHash } from 'node:crypto';

// Who an alert belongs to, as a key that never shows a raw email address in an index.

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function ownerKeyFor(owner: { userId: string } | { email: string }): string {
  if ('userId' in owner) return `user#${owner.userId}`;
  return `email#${createHash('sha256').update(normaliseEmail(owner.email)).digest('base64url').slice(0, 32)}`;
}

/** A short, stable stand-in for the owner inside a subscription id. */
export function ownerTag(ownerKey: string): string {
  return createHash('sha256').update(ownerKey).digest('base64url').slice(0, 16);
}
