import { setMarketingConsent } from '../account';
import { AppError } from '../platform/errors';
import { validUnsubscribeToken } from './unsubscribe-token';

// The link in every campaign email: no session needed, the signed token is the proof. Idempotent (a second click
// or a mail client's retry changes nothing and publishes nothing: setMarketingConsent only records a change).
/** Whether the link's user id and token are one this server signed (nothing is changed). */
export function isUnsubscribeLink(userId: string, token: string): boolean {
  return Boolean(userId && token && userId.length <= 200 && token.length <= 100 && validUnsubscribeToken(userId, token));
}

export async function unsubscribe(userId: string, token: string): Promise<void> {
  if (!isUnsubscribeLink(userId, token)) {
    throw new AppError('NOT_FOUND', 'This unsubscribe link is not valid.');
  }
  await setMarketingConsent({ userId, granted: false, source: 'unsubscribe-link' });
}
