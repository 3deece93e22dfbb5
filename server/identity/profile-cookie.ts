import { createHmac, timingSafeEqual } from 'node:crypto';

// Cognito access tokens carry `sub` and groups but neither email nor name. Rather than call GetUser on every request,
// sign-in stores both in this cookie, HMAC-signed with SESSION_SECRET and bound to the user's sub: a client can read
// nothing (httpOnly) and forge nothing, and a profile left over from another account is ignored because its sub differs.
// It is display data only; identity and groups always come from the verified access token.

export type Profile = { sub: string; email: string; name: string };

const VERSION = 'v1';

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`${VERSION}.${payload}`).digest('base64url');
}

export function encodeProfileCookie(profile: Profile, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ s: profile.sub, e: profile.email, n: profile.name })).toString('base64url');
  return `${VERSION}.${payload}.${sign(payload, secret)}`;
}

/** The profile, or null when the value is missing, tampered with, or malformed. */
export function decodeProfileCookie(value: string | undefined, secret: string): Profile | null {
  if (!value || value.length > 2048) return null;
  const [version, payload, signature] = value.split('.');
  if (version !== VERSION || !payload || !signature) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof data !== 'object' || data === null) return null;
    const { s, e, n } = data as Record<string, unknown>;
    if (typeof s !== 'string' || typeof e !== 'string' || typeof n !== 'string') return null;
    return { sub: s, email: e, name: n };
  } catch {
    return null;
  }
}
