import 'server-only';
import { cookies } from 'next/headers';
import { getConfig } from '../config';
import { AppError } from '../errors';
import { assertSameOriginAgainst } from './same-origin';
import { cookieJarFromRequest } from './session-cookies';
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
// Account operations, for the routes under app/api/auth.
export { requestPasswordReset } from './cognito-accounts';
export { confirmSignUp, signUp } from './limited-account-operations';
export { resetPassword } from './password-reset';
// The operations console's group check (route handlers and the /admin/orders pages).
export { isOperations, requireOperations } from './require-operations';
export { safeNextPath } from './safe-next-path';
export { appendSetCookies, type CookieToSet, cookieJarFromRequest } from './session-cookies';
export { signInWithPassword } from './sign-in';
export { signOut } from './sign-out';
