import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import type { CookieJar } from '../platform/http/cookies';
import { logger } from '../platform/observability';
import { revokeRefreshToken } from './cognito-accounts';
import { revokeSession } from './revoked-sessions';
import { type CookieToSet, clearedSessionCookies, SESSION_COOKIE } from './session-cookies';
import { verifiedAccessClaims } from './session-user';

// Signing out ends the session everywhere at once: the access token's id goes on the revoked list that middleware
// and every handler check (revoked-sessions.ts; verification is local, so without it a copied sf_at would work until
// it expires), and the refresh token is revoked at Cognito (so a copied sf_rt cannot mint new access tokens). The
// cookies are always cleared, even when revocation fails: the shopper asked to be signed out on this device, and is.

export async function signOut(jar: CookieJar): Promise<CookieToSet[]> {
  const claims = await verifiedAccessClaims(jar);
  const tokenId = claims ? (claims.originJti ?? claims.jti) : undefined;
  if (claims && tokenId) {
    try {
      await revokeSession(tokenId, claims.expiresAt);
    } catch (err) {
      logger.error('access token revocation failed at sign-out; it stays valid until it expires', { err: String(err) });
    }
  }
  const refreshToken = jar.get(SESSION_COOKIE.refresh);
  if (refreshToken) {
    try {
      await revokeRefreshToken(refreshToken);
    } catch (err) {
      // UNAUTHENTICATED: already revoked or expired, nothing left to do. Anything else is logged, never shown.
      if (!(err instanceof AppError) || err.code !== 'UNAUTHENTICATED') {
        logger.warn('refresh token revocation failed at sign-out', { err: String(err) });
      }
    }
  }
  return clearedSessionCookies(getConfig().SITE_URL);
}
