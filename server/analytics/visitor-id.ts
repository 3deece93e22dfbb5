import { createHash } from 'node:crypto';

// The visitor an event belongs to: the browser's anonymous id (sf_anon, which stays put across sign-in, so a
// visitor exposed to a flag before signing in is the same one who orders after), else the user id. Never stored
// as is: a SHA-256 under a fixed label, cut to 22 base64url characters (132 bits), so the lake cannot be joined
// back to a cookie or an account by reading it, while the same browser always maps to the same visitor.

export type VisitorSource = { anonId?: string | null; userId?: string | null };

export function visitorIdOf(source: VisitorSource): string | null {
  const raw = source.anonId ? `anon:${source.anonId}` : source.userId ? `user:${source.userId}` : null;
  if (!raw) return null;
  return `v_${createHash('sha256').update('storefront-analytics-visitor\0').update(raw).digest('base64url').slice(0, 22)}`;
}
