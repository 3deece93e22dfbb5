import 'server-only';
import { cookies } from 'next/headers';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { identitySettings } from './cognito-settings';
import { assertSameOriginAgainst } from './same-origin';
import { cookieJarFromRequest, SESSION_COOKIE } from './session-cookies';
import { resolveSessionUser, type SessionUser } from './session-user';

// Public entry of the identity domain (Cognito accounts and sessions). Other domains use the first four functions;
// the account routes under app/api/auth use the rest. Middleware uses ./middleware-session directly.

export type { SessionUser } from './session-user';

/** The signed-in shopper of this request, from the verified sf_at cookie (never from a header middleware set). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  return resolveSessionUser({ get: (name) => jar.get(name)?.value });
}

/** The signed-in shopper, or AppError UNAUTHENTICATED (401). */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return user;
}

/** Like requireUser, from an explicit Request (route handlers that tests call directly). */
export async function requireUserFromRequest(req: Request): Promise<SessionUser> {
  const user = await getSessionUserFromRequest(req);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return user;
}

/**
 * AppError FORBIDDEN when the request's Origin (or, without one, its Referer) is another site: neither SITE_URL's
 * origin nor the request's own. Call it first in every cookie-authenticated POST, PATCH and DELETE handler.
 */
export function assertSameOrigin(req: Request): void {
  assertSameOriginAgainst(req, getConfig().SITE_URL);
}

/** Like getSessionUser, reading the cookies of an explicit Request (route handlers, and tests that call them). */
export async function getSessionUserFromRequest(req: Request): Promise<SessionUser | null> {
  return resolveSessionUser(cookieJarFromRequest(req));
}

/**
 * The shopper named by an `Authorization: Bearer <access token>` header (an agent that signed in through the pool's
 * OAuth 2.1 flow, docs/agents.md), verified exactly like the sf_at cookie; null without one. A bearer request carries
 * no cookie, so no other site can make a browser send it (no Origin check needed for it).
 */
export async function getSessionUserFromBearer(req: Request): Promise<SessionUser | null> {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(req.headers.get('authorization') ?? '');
  if (!match) return null;
  const token = match[1];
  return resolveSessionUser({ get: (name) => (name === SESSION_COOKIE.access ? token : undefined) });
}

/** The user pool's issuer: the OAuth 2.1 authorization server agents are sent to (docs/agents.md); null unconfigured. */
export function authorizationServerIssuer(): string | null {
  return identitySettings()?.issuer ?? null;
}

// The signed-in shopper's own login (server/account and the /api/account routes).
export { changePassword, confirmCurrentPassword, deleteLogin, updateDisplayName } from './account-credentials';
export {
  changePasswordBody,
  confirmBody,
  deleteAccountBody,
  displayName,
  forgotPasswordBody,
  resetPasswordBody,
  signInBody,
  signUpBody,
} from './account-schemas';
// The anonymous visitor id (sf_anon): rollout buckets, analytics visitors and interactions of guests.
export { ANON_COOKIE, anonCookieOptions, anonIdFromCookieHeader, cookieHeaderWithAnonId, mintAnonId, validAnonId } from './anon-id';
// Account operations, for the routes under app/api/auth.
export { DEVICE_COOKIE } from './device-cookie';
export { confirmSignUp, forgotPassword, resetForgottenPassword, signUp } from './limited-account-operations';
// middleware.ts: the session step (verify, refresh, protect, refuse foreign mutations).
export { applySessionCookies, establishSession, guardProtectedRoute, NO_SESSION, rejectForeignMutation } from './middleware-session';
export { requireMarketer, requireOperations } from './require-role';
// Staff roles: one check for pages, actions, routes and domain operations.
export { hasRole, isOperations, MARKETERS_GROUP, OPERATIONS_GROUP, type StaffRole } from './roles';
export { safeNextPath } from './safe-next-path';
export { appendSetCookies, type CookieToSet, cookieJarFromRequest } from './session-cookies';
export { signInWithPassword } from './sign-in';
export { signOut } from './sign-out';
