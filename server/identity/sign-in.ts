import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { logger } from '../platform/observability';
import { accountKey, limitedSignIn } from './attempt-limits';
import { authenticateWithPassword, fetchUserAttributes, requireSettings } from './cognito-accounts';
import { deviceCookie, deviceIdFor } from './device-cookie';
import { encodeProfileCookie } from './profile-cookie';
import { type CookieToSet, sessionCookies } from './session-cookies';
import type { SessionUser } from './session-user';
import { verifyPoolAccessToken } from './verify-access-token';

// Email + password → a verified user and the cookies that carry the session. The route adds the HTTP parts.

/**
 * `address` is the caller's bucket for rate limits (server/platform/http/client-address.ts); `deviceCookie` the
 * browser's `sf_device` (device-cookie.ts), which a correct sign-in (re)issues.
 */
/** `emailVerified`: Cognito's `email_verified`, which guest-order claims require (server/orders claim-guest-orders.ts). */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  address: string;
  deviceCookie?: string;
}): Promise<{ user: SessionUser; cookies: CookieToSet[]; emailVerified: boolean }> {
  const settings = requireSettings();
  const { SITE_URL, SESSION_SECRET } = getConfig();
  const account = accountKey(input.email);
  const deviceId = deviceIdFor(account, input.deviceCookie, SESSION_SECRET);
  const tokens = await limitedSignIn({ ...input, deviceId }, () => authenticateWithPassword({ email: input.email, password: input.password }));

  // Tokens straight from Cognito are trusted by transport, but verifying them once more costs little and proves the
  // configuration (issuer, client id, JWKS) agrees with the pool before the shopper holds a cookie that never works.
  const verified = await verifyPoolAccessToken(tokens.accessToken, settings);
  if (!verified.ok) {
    logger.error('fresh Cognito access token failed verification: check COGNITO_* config', { reason: verified.reason });
    throw new AppError('UNAVAILABLE', 'Signing in is unavailable right now. Please try again in a moment.');
  }
  const { sub, groups, expiresAt } = verified.claims;
  const attrs = await fetchUserAttributes(tokens.accessToken);
  const user: SessionUser = { id: sub, email: attrs.email || input.email, name: attrs.name, groups };
  const cookies = sessionCookies(
    {
      accessToken: tokens.accessToken,
      accessExpiresAt: expiresAt,
      refreshToken: tokens.refreshToken,
      profile: encodeProfileCookie({ sub, email: user.email, name: user.name }, SESSION_SECRET),
    },
    SITE_URL,
  );
  cookies.push(deviceCookie(account, SESSION_SECRET, SITE_URL));
  return { user, cookies, emailVerified: attrs.emailVerified };
}
