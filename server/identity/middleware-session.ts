import { type NextRequest, NextResponse } from 'next/server';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { cookieJarFromHeader } from '../platform/http/cookies';
import { logger } from '../platform/observability';
import { refreshSession, revokeRefreshToken } from './cognito-accounts';
import { identitySettings } from './cognito-settings';
import { protectedRouteKind, signInRedirectPath } from './protected-routes';
import { refreshTokenSignedInAt } from './refresh-token-age';
import { revocationState } from './revoked-sessions';
import { isSameOriginRequest } from './same-origin';
import { type CookieToSet, clearedSessionCookies, rewriteCookieHeader, SESSION_COOKIE, sessionCookies } from './session-cookies';
import { verifyPoolAccessToken } from './verify-access-token';

// The identity steps of middleware.ts, each small so other gates (feature flags) can sit between them:
//   rejectForeignMutation → establishSession → guardProtectedRoute → (next or other gates) → applySessionCookies
// A valid access token costs one local RS256 verification (JWKS cached); Cognito is called only to refresh.

export type MiddlewareSession = {
  /** The verified user id (Cognito sub), or null. For gating only: handlers verify the token again themselves. */
  userId: string | null;
  /** Cookies to set on whatever response middleware returns (refreshed tokens, or deletions). */
  cookiesToSet: CookieToSet[];
};

export const NO_SESSION: MiddlewareSession = Object.freeze({ userId: null, cookiesToSet: [] });

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * 403 for a cookie-carrying mutation of /api from another origin. The handlers call assertSameOrigin themselves;
 * this stops such a request before it costs a token refresh or reaches a handler that forgot.
 * Any other mutation (a page POST: a server action, with or without cookies) from another site is refused the same
 * way (issue 30 L3): Next checks only a present Origin against Host, answers a foreign one with a bare 500, and lets
 * a request through that has no Origin but a foreign Referer or `Sec-Fetch-Site: cross-site`.
 */
export function rejectForeignMutation(req: NextRequest): NextResponse | null {
  if (!MUTATING.has(req.method)) return null;
  if (req.nextUrl.pathname.startsWith('/api/') && !req.headers.get('cookie')) return null;
  if (isSameOriginRequest(req, getConfig().SITE_URL)) return null;
  return NextResponse.json({ error: { code: 'FORBIDDEN', message: 'This request came from another site and was refused.' } }, { status: 403 });
}

function replaceRequestCookies(requestHeaders: Headers, changes: CookieToSet[]): void {
  const rewritten = rewriteCookieHeader(requestHeaders.get('cookie'), changes);
  if (rewritten === '') requestHeaders.delete('cookie');
  else requestHeaders.set('cookie', rewritten);
}

/**
 * Verifies sf_at (and that its session was not signed out); when it is missing, expired or invalid and sf_rt is present, refreshes through Cognito, and
 * rewrites `requestHeaders`' Cookie header so route handlers and server components in this same request already
 * see the new token. A refresh Cognito refuses clears the session; one that fails for an outage keeps the cookies
 * (the next request tries again) and treats this request as signed out. A revoked sf_at clears the session.
 */
export async function establishSession(requestHeaders: Headers): Promise<MiddlewareSession> {
  const none = NO_SESSION;
  const settings = identitySettings();
  if (!settings) return none;
  const jar = cookieJarFromHeader(requestHeaders.get('cookie'));
  const accessToken = jar.get(SESSION_COOKIE.access);
  const refreshToken = jar.get(SESSION_COOKIE.refresh);
  if (!accessToken && !refreshToken) return none;

  let revoked = false;
  if (accessToken) {
    const current = await verifyPoolAccessToken(accessToken, settings);
    if (current.ok) {
      const state = await revocationState(current.claims);
      if (state === 'active') return { userId: current.claims.sub, cookiesToSet: [] };
      if (state === 'unknown') return none;
      // Signed out, or ended by a password change elsewhere: the session is over, and its refresh token is not
      // traded in (Cognito revoked it too, except on cognito-local, which has no GlobalSignOut).
      revoked = true;
    }
  }

  const { SITE_URL } = getConfig();
  if (refreshToken && !revoked) {
    try {
      const tokens = await refreshSession(refreshToken);
      const fresh = await verifyPoolAccessToken(tokens.accessToken, settings);
      // The refreshed claims are checked like any other (issue 30 L1): a session that signed in before the shopper's
      // revocation marker (a password change, an account deletion elsewhere) is over, whatever the refresh minted.
      // Its sign-in time is the earlier of auth_time and the refresh token's own (refresh-token-age.ts).
      const refreshSignedInAt = refreshTokenSignedInAt(refreshToken);
      const state = !fresh.ok
        ? 'revoked'
        : refreshSignedInAt !== null && refreshSignedInAt < fresh.claims.authTime
          ? await revocationState({ ...fresh.claims, authTime: refreshSignedInAt, sessionIdUnknown: true })
          : await revocationState(fresh.claims);
      if (state === 'unknown') return none;
      if (fresh.ok && state === 'revoked') {
        // And the refresh token is retired at Cognito, so it mints nothing more (cognito-local drops it too).
        await revokeRefreshToken(refreshToken).catch((err: unknown) =>
          logger.warn('could not revoke a refresh token of an ended session', { err: String(err) }),
        );
      }
      if (fresh.ok && state === 'active') {
        const cookies = sessionCookies(
          { accessToken: tokens.accessToken, accessExpiresAt: fresh.claims.expiresAt, refreshToken: tokens.refreshToken },
          SITE_URL,
        );
        replaceRequestCookies(requestHeaders, cookies);
        return { userId: fresh.claims.sub, cookiesToSet: cookies };
      }
    } catch (err) {
      if (err instanceof AppError && err.code === 'UNAVAILABLE') return none;
      if (!(err instanceof AppError)) throw err;
    }
  }
  const cleared = clearedSessionCookies(SITE_URL);
  replaceRequestCookies(requestHeaders, cleared);
  return { userId: null, cookiesToSet: cleared };
}

/** Without a session: 307 to /sign-in?next=… for protected pages, 401 JSON for protected API routes. */
export function guardProtectedRoute(req: NextRequest, session: MiddlewareSession): NextResponse | null {
  if (session.userId) return null;
  const kind = protectedRouteKind(req.nextUrl.pathname);
  if (kind === 'api') {
    return NextResponse.json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to continue.' } }, { status: 401 });
  }
  if (kind === 'page') {
    return NextResponse.redirect(new URL(signInRedirectPath(req.nextUrl.pathname, req.nextUrl.search), req.nextUrl), 307);
  }
  return null;
}

export function applySessionCookies<R extends NextResponse>(res: R, session: MiddlewareSession): R {
  for (const { name, value, options } of session.cookiesToSet) res.cookies.set(name, value, options);
  return res;
}
