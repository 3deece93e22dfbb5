import { ChangePasswordCommand, DeleteUserCommand, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import type { CookieJar } from '../platform/http/cookies';
import { logger } from '../platform/observability';
import { limitedSignIn } from './attempt-limits';
import { authenticateWithPassword, requireSettings, setDisplayName } from './cognito-accounts';
import { cognitoErrorName, PASSWORD_POLICY_MESSAGE, toAppError } from './cognito-errors';
import { encodeProfileCookie } from './profile-cookie';
import { revocationId, revokeUserSessionsBefore } from './revoked-sessions';
import { type CookieToSet, SESSION_COOKIE, sessionCookies } from './session-cookies';
import { type SessionUser, verifiedAccessClaims } from './session-user';
import { signOut } from './sign-out';
import { verifyPoolAccessToken } from './verify-access-token';

// What a signed-in shopper changes about their own login: display name, password, and the login itself (deleted).
// Each acts with the shopper's own access token (Cognito's public user APIs), which the caller has verified, except
// the display name: the app client may not write `name` (issue 30 L6), so the server sets it with its admin rights
// on the pool (AdminUpdateUserAttributes; the SST link grants them) after the shop's own name rules. A current password typed to confirm goes through the sign-in attempt limits, so
// a stolen session cannot be used to guess it at speed.

const WRONG_CURRENT = 'That is not your current password.';

function accessToken(jar: CookieJar): string {
  const token = jar.get(SESSION_COOKIE.access);
  if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return token;
}

/** 403 under `field` unless `password` is the account's current one (counted as a sign-in failure when wrong). */
export async function confirmCurrentPassword(user: SessionUser, password: string, address: string, field = 'password'): Promise<void> {
  try {
    await limitedSignIn({ email: user.email, address }, () => authenticateWithPassword({ email: user.email, password }));
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNAUTHENTICATED') {
      throw new AppError('FORBIDDEN', WRONG_CURRENT, { details: [{ path: field, message: WRONG_CURRENT }] });
    }
    throw err;
  }
}

/**
 * Cognito ChangePassword, then every other session of the shopper ends and this one is re-issued (the answered
 * cookies replace the old ones). Wrong current password → 403 under currentPassword; a new password the pool
 * refuses → 400 under newPassword (the policy is checked before this, account-schemas.ts; the pool may refuse more).
 * cognito-local answers a wrong current password with InvalidPasswordException, real Cognito with NotAuthorized.
 *
 * Ending the others: GlobalSignOut revokes every refresh token at Cognito (so a stolen sf_rt mints nothing, and
 * cannot call Cognito's user APIs either) — cognito-local 5.3 has no GlobalSignOut, so it is skipped there — and a
 * per-user marker on the revoked-sessions list refuses every access token signed in before the new session
 * (revoked-sessions.ts), which is what middleware and every handler check. GlobalSignOut ends this device's tokens
 * too, hence the fresh sign-in with the new password before the marker, which keeps exactly that session.
 */
export async function changePassword(jar: CookieJar, user: SessionUser, input: { currentPassword: string; newPassword: string }): Promise<CookieToSet[]> {
  const settings = requireSettings();
  const current = accessToken(jar);
  try {
    await cognitoClient().send(
      new ChangePasswordCommand({ AccessToken: current, PreviousPassword: input.currentPassword, ProposedPassword: input.newPassword }),
    );
  } catch (err) {
    const name = cognitoErrorName(err);
    if (name === 'NotAuthorizedException' || (settings.local && name === 'InvalidPasswordException')) {
      throw new AppError('FORBIDDEN', WRONG_CURRENT, { details: [{ path: 'currentPassword', message: WRONG_CURRENT }] });
    }
    if (name === 'InvalidPasswordException') {
      throw new AppError('VALIDATION_FAILED', PASSWORD_POLICY_MESSAGE, { details: [{ path: 'newPassword', message: PASSWORD_POLICY_MESSAGE }] });
    }
    throw toAppError(err, 'change-password');
  }
  if (!settings.local) {
    try {
      await cognitoClient().send(new GlobalSignOutCommand({ AccessToken: current }));
    } catch (err) {
      // The marker below still refuses the other sessions' access tokens (auth_time survives a refresh on AWS).
      logger.error('GlobalSignOut failed after a password change; other refresh tokens stay valid at Cognito', { err: String(err) });
    }
  }
  const reissued = await authenticateWithPassword({ email: user.email, password: input.newPassword })
    .then(async (tokens) => ({
      tokens,
      verified: await verifyPoolAccessToken(tokens.accessToken, settings),
    }))
    .catch((err: unknown) => {
      logger.error('sign-in with the new password failed after a password change', { err: String(err) });
      return null;
    });
  if (!reissued?.verified.ok) {
    // Every session ends, this one included: the shopper signs in again with the new password.
    await revokeUserSessionsBefore(user.id, { notBefore: Math.floor(Date.now() / 1000) + 1 });
    throw new AppError('UNAVAILABLE', 'Your password was changed, but signing you in again failed. Please sign in with the new password.');
  }
  const { tokens, verified } = reissued;
  await revokeUserSessionsBefore(user.id, { notBefore: verified.claims.authTime, keep: revocationId(verified.claims) });
  const { SITE_URL, SESSION_SECRET } = getConfig();
  return sessionCookies(
    {
      accessToken: tokens.accessToken,
      accessExpiresAt: verified.claims.expiresAt,
      refreshToken: tokens.refreshToken,
      profile: encodeProfileCookie({ sub: user.id, email: user.email, name: user.name }, SESSION_SECRET),
    },
    SITE_URL,
  );
}

/** Sets the Cognito `name` attribute and answers the re-signed profile cookie, so the header shows it at once. */
export async function updateDisplayName(jar: CookieJar, user: SessionUser, name: string): Promise<CookieToSet[]> {
  // With the server's admin rights: the app client may not write `name` (issue 30 L6).
  await setDisplayName(user.id, name);
  const claims = await verifiedAccessClaims(jar);
  if (!claims) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  const { SITE_URL, SESSION_SECRET } = getConfig();
  // Only the profile cookie changes; the access cookie is set again unchanged (sessionCookies always includes it).
  return sessionCookies(
    {
      accessToken: accessToken(jar),
      accessExpiresAt: claims.expiresAt,
      profile: encodeProfileCookie({ sub: user.id, email: user.email, name }, SESSION_SECRET),
    },
    SITE_URL,
  );
}

/**
 * Deletes the Cognito user, then ends every session of it: this one as sign-out does (the token id on the revoked
 * list; the refresh token revoked, which Cognito refuses anyway for a deleted user), and the shopper's other devices
 * through the per-user marker (revoked-sessions.ts), whose unexpired access tokens would otherwise verify locally
 * until they expire. DeleteUser goes first because it needs the access token, which a RevokeToken would end on AWS.
 */
export async function deleteLogin(jar: CookieJar, user: SessionUser): Promise<CookieToSet[]> {
  try {
    await cognitoClient().send(new DeleteUserCommand({ AccessToken: accessToken(jar) }));
  } catch (err) {
    throw toAppError(err, 'delete-user');
  }
  const cleared = await signOut(jar);
  try {
    await revokeUserSessionsBefore(user.id, { notBefore: Math.floor(Date.now() / 1000) + 1 });
  } catch (err) {
    logger.error('revoking the other sessions of a deleted account failed; they end when their tokens expire', { err: String(err) });
  }
  return cleared;
}
