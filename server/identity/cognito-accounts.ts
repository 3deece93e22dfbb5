import {
  AdminConfirmSignUpCommand,
  AdminUpdateUserAttributesCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../platform/aws/clients';
import { AppError } from '../platform/errors';
import { logger } from '../platform/observability';
import { type CognitoOperation, cognitoErrorName, toAppError } from './cognito-errors';
import { type IdentitySettings, identitySettings } from './cognito-settings';
import { shownName } from './display-name';

// The Cognito adapter: one function per user-pool operation, raw SDK shapes in, the identity domain's shapes out,
// every failure an AppError (cognito-errors.ts). The app client is public (no secret), so no SECRET_HASH is sent.
// No 'server-only' import: middleware.ts refreshes tokens through this module.

export type AuthTokens = {
  accessToken: string;
  /** Absent on a refresh unless the pool rotates refresh tokens. */
  refreshToken?: string;
  idToken?: string;
};

export type SignUpStatus = 'CONFIRMED' | 'CONFIRMATION_REQUIRED';

export function requireSettings(): IdentitySettings {
  const settings = identitySettings();
  if (!settings) throw new AppError('UNAVAILABLE', 'Accounts are not configured on this server.');
  return settings;
}

async function call<T>(op: CognitoOperation, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAppError(err, op);
  }
}

/** The new account's status and its user id (Cognito's sub, the id every domain keys the shopper by). */
export type SignUpResult = { status: SignUpStatus; userId: string };

export async function registerAccount(input: { email: string; password: string; name: string }): Promise<SignUpResult> {
  const { clientId, userPoolId, local } = requireSettings();
  const result = await call('sign-up', () =>
    cognitoClient().send(
      new SignUpCommand({
        ClientId: clientId,
        Username: input.email,
        Password: input.password,
        // Not `name`: the app client may not write it (WriteAttributes, issue 30 L6); set below with admin rights.
        UserAttributes: [{ Name: 'email', Value: input.email }],
      }),
    ),
  );
  const userId = result.UserSub ?? '';
  try {
    await setDisplayName(userId || input.email, input.name);
  } catch (err) {
    // The account exists; without its name it is greeted neutrally until the shopper sets one in their account.
    logger.warn('display name not set at sign-up', { err: String(err) });
  }
  if (result.UserConfirmed) return { status: 'CONFIRMED', userId };
  // Locally there is no inbox to read the code from, so the stand-in confirms at once and suites can sign in.
  // Against the real pool the shopper types the emailed code (confirmAccount).
  if (local) {
    await call('confirm', () => cognitoClient().send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: input.email })));
    // The emailed code would also have verified the email (AutoVerifiedAttributes), which guest-order claims need.
    await call('confirm', () =>
      cognitoClient().send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: userPoolId,
          Username: input.email,
          // Cognito wants the email beside its verified flag.
          UserAttributes: [
            { Name: 'email', Value: input.email },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      ),
    );
    return { status: 'CONFIRMED', userId };
  }
  return { status: 'CONFIRMATION_REQUIRED', userId };
}

/**
 * Writes the Cognito `name` attribute with the server's admin rights (AdminUpdateUserAttributes): the app client
 * cannot (sst.config.ts and local/provision.ts leave `name` out of its WriteAttributes). `username` is the sub or
 * the email. The caller has validated `name` with `displayName`.
 */
export async function setDisplayName(username: string, name: string): Promise<void> {
  const { userPoolId } = requireSettings();
  await call('update-attributes', () =>
    cognitoClient().send(new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: username, UserAttributes: [{ Name: 'name', Value: name }] })),
  );
}

export async function confirmAccount(input: { email: string; code: string }): Promise<void> {
  const { clientId } = requireSettings();
  await call('confirm', () => cognitoClient().send(new ConfirmSignUpCommand({ ClientId: clientId, Username: input.email, ConfirmationCode: input.code })));
}

function tokensFrom(
  result: { AuthenticationResult?: { AccessToken?: string; RefreshToken?: string; IdToken?: string }; ChallengeName?: string },
  op: CognitoOperation,
): AuthTokens {
  const auth = result.AuthenticationResult;
  if (!auth?.AccessToken) {
    // A challenge (MFA, NEW_PASSWORD_REQUIRED) the storefront does not offer; accounts it creates never get one.
    const challenge = result.ChallengeName ?? 'UNKNOWN';
    logger.warn('cognito auth challenge not supported', { op, challenge });
    throw new AppError('FORBIDDEN', 'This account needs a sign-in step the shop does not support. Reset your password to continue.', {
      details: { reason: 'CHALLENGE_REQUIRED', challenge },
    });
  }
  return { accessToken: auth.AccessToken, refreshToken: auth.RefreshToken, idToken: auth.IdToken };
}

export async function authenticateWithPassword(input: { email: string; password: string }): Promise<AuthTokens> {
  const { clientId } = requireSettings();
  const result = await call('sign-in', () =>
    cognitoClient().send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: input.email, PASSWORD: input.password },
      }),
    ),
  );
  return tokensFrom(result, 'sign-in');
}

export async function refreshSession(refreshToken: string): Promise<AuthTokens> {
  const { clientId } = requireSettings();
  const result = await call('refresh', () =>
    cognitoClient().send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } })),
  );
  return tokensFrom(result, 'refresh');
}

/**
 * Revokes the refresh token (and the access tokens issued from it). cognito-local 5.3 implements RevokeToken by
 * dropping the token from the user's list, so a later refresh fails there too. On AWS the app client needs token
 * revocation enabled (the default for clients created since 2021; see docs/identity.md).
 */
export async function revokeRefreshToken(refreshToken: string): Promise<void> {
  const { clientId } = requireSettings();
  await call('revoke', () => cognitoClient().send(new RevokeTokenCommand({ ClientId: clientId, Token: refreshToken })));
}

/** Sends a reset code. Answers the same whether or not the account exists, so the form reveals nobody's email. */
export async function requestPasswordReset(email: string): Promise<void> {
  const { clientId } = requireSettings();
  try {
    await cognitoClient().send(new ForgotPasswordCommand({ ClientId: clientId, Username: email }));
  } catch (err) {
    const name = cognitoErrorName(err);
    if (name === 'UserNotFoundException') return;
    if (name === 'InvalidParameterException' || name === 'NotAuthorizedException') {
      // An account without a verified email (or an admin-only one): nothing is sent, and the caller learns nothing.
      logger.warn('password reset not possible for account', { name });
      return;
    }
    throw toAppError(err, 'forgot-password');
  }
}

/** Cognito ConfirmForgotPassword only; password-reset.ts adds the end of the account's other sessions. */
export async function confirmPasswordReset(input: { email: string; code: string; password: string }): Promise<void> {
  const { clientId } = requireSettings();
  await call('reset-password', () =>
    cognitoClient().send(
      new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: input.email, ConfirmationCode: input.code, Password: input.password }),
    ),
  );
}

/** Email, name and whether the email is verified, from the user's attributes. Call only with an access token already verified. */
export async function fetchUserAttributes(accessToken: string): Promise<{ email: string; name: string; emailVerified: boolean }> {
  const result = await call('get-user', () => cognitoClient().send(new GetUserCommand({ AccessToken: accessToken })));
  const attrs = new Map((result.UserAttributes ?? []).map((a) => [a.Name ?? '', a.Value ?? '']));
  const email = attrs.get('email') ?? '';
  // Re-validated: the attribute may have been written around the shop's forms (display-name.ts, issue 30 L6).
  return { email, name: shownName(attrs.get('name') || email.split('@')[0]), emailVerified: attrs.get('email_verified') === 'true' };
}
