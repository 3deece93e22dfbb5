import { ChangePasswordCommand, DeleteUserCommand, UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../aws/clients';
import { getConfig } from '../config';
import { AppError } from '../errors';
import type { CookieJar } from '../http/cookies';
import { limitedSignIn } from './attempt-limits';
import { authenticateWithPassword, requireSettings } from './cognito-accounts';
import { cognitoErrorName, PASSWORD_POLICY_MESSAGE, toAppError } from './cognito-errors';
import { encodeProfileCookie } from './profile-cookie';
import { type CookieToSet, SESSION_COOKIE, sessionCookies } from './session-cookies';
import { type SessionUser, verifiedAccessClaims } from './session-user';
import { signOut } from './sign-out';

// What a signed-in shopper changes about their own login: display name, password, and the login itself (deleted).
// Each acts with the shopper's own access token (Cognito's public user APIs; no admin credentials on the server),
// which the caller has verified. A current password typed to confirm goes through the sign-in attempt limits, so
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
 * Cognito ChangePassword. Wrong current password → 403 under currentPassword; a new password the pool refuses →
 * 400 under newPassword (the policy is checked before this, account-schemas.ts; the pool may refuse more).
 * cognito-local answers a wrong current password with InvalidPasswordException, real Cognito with NotAuthorized.
 */
export async function changePassword(jar: CookieJar, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const { local } = requireSettings();
  try {
    await cognitoClient().send(
      new ChangePasswordCommand({ AccessToken: accessToken(jar), PreviousPassword: input.currentPassword, ProposedPassword: input.newPassword }),
    );
  } catch (err) {
    const name = cognitoErrorName(err);
    if (name === 'NotAuthorizedException' || (local && name === 'InvalidPasswordException')) {
      throw new AppError('FORBIDDEN', WRONG_CURRENT, { details: [{ path: 'currentPassword', message: WRONG_CURRENT }] });
    }
    if (name === 'InvalidPasswordException') {
      throw new AppError('VALIDATION_FAILED', PASSWORD_POLICY_MESSAGE, { details: [{ path: 'newPassword', message: PASSWORD_POLICY_MESSAGE }] });
    }
    throw toAppError(err, 'change-password');
  }
}

/** Sets the Cognito `name` attribute and answers the re-signed profile cookie, so the header shows it at once. */
export async function updateDisplayName(jar: CookieJar, user: SessionUser, name: string): Promise<CookieToSet[]> {
  try {
    await cognitoClient().send(new UpdateUserAttributesCommand({ AccessToken: accessToken(jar), UserAttributes: [{ Name: 'name', Value: name }] }));
  } catch (err) {
    throw toAppError(err, 'update-attributes');
  }
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
 * Deletes the Cognito user, then ends the session everywhere as sign-out does (the token id on the revoked list, so
 * the still-unexpired access token stops working at once; the refresh token revoked, which Cognito refuses anyway for
 * a deleted user). DeleteUser goes first because it needs the access token, which a RevokeToken would end on AWS.
 */
export async function deleteLogin(jar: CookieJar): Promise<CookieToSet[]> {
  try {
    await cognitoClient().send(new DeleteUserCommand({ AccessToken: accessToken(jar) }));
  } catch (err) {
    throw toAppError(err, 'delete-user');
  }
  return signOut(jar);
}
