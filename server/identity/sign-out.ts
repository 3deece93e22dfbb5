import { getConfig } from '../config';
import { AppError } from '../errors';
import { logger } from '../observability';
import { revokeRefreshToken } from './cognito-accounts';
import type { CookieJar } from '../http/cookies';
import { clearedSessionCookies, SESSION_COOKIE, type CookieToSet } from './session-cookies';

// Signing out revokes the refresh token at Cognito (so a copied cookie cannot mint new access tokens) and always
// clears the cookies, even when revocation fails: the shopper asked to be signed out on this device, and is.
// An access token already issued stays valid until it expires (≤ 1 h on AWS): Cognito's RevokeToken also invalidates
// it for Cognito's own APIs, but our verifier is local and does not ask Cognito. Short access-token lifetimes bound it.

export async function signOut(jar: CookieJar): Promise<CookieToSet[]> {
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
