// When the session a refresh token belongs to was signed in (seconds), where the token says so (issue 30 L1).
// cognito-local's refresh tokens are JWTs whose `iat` is the sign-in's time, and it sets `auth_time` anew on every
// refresh, so the access token a refresh mints looks like a brand-new sign-in: without this, a refresh token copied
// before a password change traded in afterwards passed the per-user revocation marker. Real Cognito's refresh tokens
// are encrypted (JWE, five segments) and say nothing; there `auth_time` survives the refresh and is enough.
// Read only after Cognito accepted the token for a refresh: cognito-local looks it up verbatim in its store, so an
// edited `iat` would not have refreshed anything.

export function refreshTokenSignedInAt(refreshToken: string): number | null {
  const parts = refreshToken.split('.');
  if (parts.length !== 3) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as { iat?: unknown };
    return typeof payload.iat === 'number' && Number.isFinite(payload.iat) ? payload.iat : null;
  } catch {
    return null;
  }
}
