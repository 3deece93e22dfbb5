import { getConfig } from '../platform/config';
import { signValue, verifySignedValue } from '../platform/http/signed-value';

// The unsubscribe link's token: which owner's alerts for which product, signed so a link cannot be edited into
// someone else's. It carries no email address (the owner key is a hash for guests).

const PURPOSE = 'alert-unsubscribe';
const PATTERN = /^[A-Za-z0-9_-]{1,600}$/;

export function unsubscribeToken(productId: string, ownerKey: string): string {
  const value = Buffer.from(JSON.stringify({ p: productId, o: ownerKey })).toString('base64url');
  return signValue(PURPOSE, value, getConfig().SESSION_SECRET);
}

export function readUnsubscribeToken(token: string | undefined | null): { productId: string; ownerKey: string } | null {
  const value = verifySignedValue(PURPOSE, token, getConfig().SESSION_SECRET, PATTERN);
  if (!value) return null;
  try {
    const { p, o } = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { p?: unknown; o?: unknown };
    return typeof p === 'string' && typeof o === 'string' ? { productId: p, ownerKey: o } : null;
  } catch {
    return null;
  }
}

// The confirmation link of a guest's subscription (double opt-in): which subscription instance, signed. An instance
// (createdAt) rather than the key, so an old link cannot confirm a later subscription someone else made.
const CONFIRM_PURPOSE = 'alert-confirm';

export function confirmToken(alert: { productId: string; subscriptionId: string; createdAt: string }): string {
  const value = Buffer.from(JSON.stringify({ p: alert.productId, s: alert.subscriptionId, c: alert.createdAt })).toString('base64url');
  return signValue(CONFIRM_PURPOSE, value, getConfig().SESSION_SECRET);
}

export function readConfirmToken(token: string | undefined | null): { productId: string; subscriptionId: string; createdAt: string } | null {
  const value = verifySignedValue(CONFIRM_PURPOSE, token, getConfig().SESSION_SECRET, PATTERN);
  if (!value) return null;
  try {
    const { p, s, c } = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { p?: unknown; s?: unknown; c?: unknown };
    return typeof p === 'string' && typeof s === 'string' && typeof c === 'string' ? { productId: p, subscriptionId: s, createdAt: c } : null;
  } catch {
    return null;
  }
}
