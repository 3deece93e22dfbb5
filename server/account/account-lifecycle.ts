import { randomUUID } from 'node:crypto';
import { recordCustomerEvent } from '../customer-events';
import { type CookieToSet, changePassword, type SessionUser } from '../identity';
import { sendAccountEmail } from '../notifications';
import type { CookieJar } from '../platform/http/cookies';
import { errorText, logger } from '../platform/observability';
import { setMarketingConsent } from './marketing-consent';

// The account's moments that others hear about: a sign-up (customer.signed-up, and the welcome email once the
// address is confirmed) and a password change (an email, so a shopper whose session was stolen finds out; the
// other sessions end, identity's changePassword).

export async function onSignedUp(input: { userId: string; email: string; name: string; confirmed: boolean; marketingConsent: boolean }): Promise<void> {
  // The account exists whatever happens here: a failure is logged, never answered as a failed sign-up.
  try {
    await announceSignUp(input);
  } catch (err) {
    logger.error('sign-up follow-up failed', { component: 'account', userId: input.userId, err: errorText(err) });
  }
}

async function announceSignUp(input: { userId: string; email: string; name: string; confirmed: boolean; marketingConsent: boolean }): Promise<void> {
  if (input.marketingConsent) {
    await setMarketingConsent({ userId: input.userId, granted: true, source: 'sign-up', email: input.email, name: input.name });
  }
  // No DynamoDB write of ours to share a transaction with (the account is Cognito's): the outbox entry alone.
  await recordCustomerEvent({
    type: 'customer.signed-up',
    data: { userId: input.userId, email: input.email, name: input.name, marketingConsent: input.marketingConsent },
  });
  // Unconfirmed (AWS): the welcome waits for the emailed code (onSignUpConfirmed). Confirmed at once (the local
  // stand-in) means nobody proved they own the address: the greeting is neutral, never the name the caller typed,
  // so a sign-up cannot put words in a stranger's inbox (issue 30 M6).
  if (input.confirmed) await sendAccountEmail(input.userId, input.email, { kind: 'welcome', name: '' });
}

/** After the emailed code confirmed the address: the welcome (once per address, whatever the retries). */
export async function onSignUpConfirmed(email: string): Promise<void> {
  await sendAccountEmail(null, email, { kind: 'welcome', name: '' });
}

/** Changes the password; every other session of the shopper ends, this one is re-issued (the answered cookies). */
export async function changeAccountPassword(
  user: SessionUser,
  jar: CookieJar,
  input: { currentPassword: string; newPassword: string },
): Promise<CookieToSet[]> {
  const cookies = await changePassword(jar, user, input);
  await sendAccountEmail(user.id, user.email, { kind: 'password-changed', name: user.name, occurrence: randomUUID() });
  return cookies;
}
