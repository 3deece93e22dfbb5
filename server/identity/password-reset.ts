import { GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../platform/aws/clients';
import { logger } from '../platform/observability';
import { authenticateWithPassword, confirmPasswordReset, requireSettings, revokeRefreshToken } from './cognito-accounts';
import { revocationId, revokeUserSessionsBefore } from './revoked-sessions';
import { verifyPoolAccessToken } from './verify-access-token';

/**
 * A password reset ends every session the account had, as a password change does (account-credentials.ts): whoever
 * forgot a password may be resetting it because someone else is signed in as them. The server holds no admin
 * credentials, so it learns the account's id the way a shopper would, by signing in once with the new password. That
 * throwaway session is the `keep` of the per-user marker (revoked-sessions.ts), so every session that signed in
 * before it, or in its second, is refused; then it is ended too (GlobalSignOut on AWS, which also revokes every
 * refresh token; RevokeToken on cognito-local, which has no GlobalSignOut). Nobody is signed in by a reset: the
 * shopper signs in afterwards, at least a second later through the form.
 *
 * The reset itself is what the shopper asked for: if ending the other sessions fails it is logged, not reported.
 */
export async function resetPassword(input: { email: string; code: string; password: string }): Promise<void> {
  await confirmPasswordReset(input);
  try {
    const settings = requireSettings();
    const tokens = await authenticateWithPassword({ email: input.email, password: input.password });
    const verified = await verifyPoolAccessToken(tokens.accessToken, settings);
    if (!verified.ok) throw new Error(`the new session did not verify: ${verified.reason}`);
    await revokeUserSessionsBefore(verified.claims.sub, { notBefore: verified.claims.authTime, keep: revocationId(verified.claims) });
    if (!settings.local) await cognitoClient().send(new GlobalSignOutCommand({ AccessToken: tokens.accessToken }));
    else if (tokens.refreshToken) await revokeRefreshToken(tokens.refreshToken);
  } catch (err) {
    logger.error('ending the other sessions after a password reset failed; they end when their tokens expire', { err: String(err) });
  }
}
