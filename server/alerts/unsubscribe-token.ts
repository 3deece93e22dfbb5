import { getConfig } from '../config';
import { signValue, verifySignedValue } from '../http/signed-value';

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
