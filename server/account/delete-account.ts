import { type CookieToSet, confirmCurrentPassword, deleteLogin, type SessionUser } from '../identity';
import { forgetWelcome, sendAccountEmail } from '../notifications';
import type { CookieJar } from '../platform/http/cookies';
import { logger } from '../platform/observability';
import { ERASERS } from './erasers';
import { getMarketingConsent, setMarketingConsent } from './marketing-consent';

// DELETE /api/account: the password typed again, then the shop's copies erased (erasers.ts), then the Cognito user
// deleted and the session revoked everywhere, then one goodbye email. The data goes before the login: if an eraser
// fails the shopper still has an account and can try again (every eraser is idempotent); the other order would
// leave data nobody can ask us to erase any more.

const log = logger.child({ component: 'account' });

export async function deleteAccount(user: SessionUser, jar: CookieJar, input: { password: string; address: string }): Promise<CookieToSet[]> {
  await confirmCurrentPassword(user, input.password, input.address);
  // Consumers of consent (campaigns) hear that it ended before the record goes.
  if ((await getMarketingConsent(user.id)).granted) await setMarketingConsent({ userId: user.id, granted: false, source: 'account-deleted' });
  for (const eraser of ERASERS) {
    const result = await eraser.erase(user.id);
    log.info('account data erased', { eraser: eraser.name, result: typeof result === 'number' ? result : undefined });
  }
  const cleared = await deleteLogin(jar, user);
  await forgetWelcome(user.email);
  await sendAccountEmail(user.id, user.email, { kind: 'account-deleted', name: user.name });
  return cleared;
}
