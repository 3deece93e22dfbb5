import { type CookieToSet, type SessionUser, updateDisplayName } from '../identity';
import type { CookieJar } from '../platform/http/cookies';
import { getAnalyticsConsent, setAnalyticsConsent } from './analytics-consent';
import { getMarketingConsent, refreshConsentingName, setMarketingConsent } from './marketing-consent';

// GET/PATCH /api/account: who the shopper is (Cognito, through identity), their marketing answer and their analytics
// answer (this domain; `granted: null` is no choice made, so collected unless the browser says no).

export type AccountView = {
  user: { id: string; email: string; name: string };
  marketingConsent: { granted: boolean; at: string | null };
  analyticsConsent: { granted: boolean | null; at: string | null };
};

export async function getAccount(user: SessionUser): Promise<AccountView> {
  const [consent, analytics] = await Promise.all([getMarketingConsent(user.id), getAnalyticsConsent(user.id)]);
  return {
    user: { id: user.id, email: user.email, name: user.name },
    marketingConsent: { granted: consent.granted, at: consent.at },
    analyticsConsent: { granted: analytics.granted, at: analytics.at },
  };
}

export type AccountPatch = { name?: string; marketingConsent?: boolean; analyticsConsent?: boolean };

/** Applies the patch; `cookies` re-sign the profile cookie when the name changed. */
export async function updateAccount(
  user: SessionUser,
  jar: CookieJar,
  patch: AccountPatch,
  source = 'account-page',
): Promise<{ account: AccountView; cookies: CookieToSet[] }> {
  let current = user;
  let cookies: CookieToSet[] = [];
  if (patch.name !== undefined && patch.name !== user.name) {
    cookies = await updateDisplayName(jar, user, patch.name);
    current = { ...user, name: patch.name };
    await refreshConsentingName(user.id, patch.name);
  }
  if (patch.marketingConsent !== undefined) {
    await setMarketingConsent({ userId: user.id, granted: patch.marketingConsent, source, email: current.email, name: current.name });
  }
  if (patch.analyticsConsent !== undefined) await setAnalyticsConsent({ userId: user.id, granted: patch.analyticsConsent, source });
  return { account: await getAccount(current), cookies };
}
