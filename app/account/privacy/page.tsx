import type { Metadata } from 'next';
import Link from 'next/link';
import { AnalyticsConsentForm, DeleteAccountForm, MarketingConsentForm } from '@/components/account/privacy-forms';
import { getAccount } from '@/server/account';
import { accountPageUser } from '../account-user';
import { deleteAccountAction, saveAnalyticsConsent, saveMarketingConsent } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Privacy' };

export default async function PrivacyPage() {
  const user = await accountPageUser('/account/privacy');
  const { marketingConsent, analyticsConsent } = await getAccount(user);
  return (
    <>
      <section aria-labelledby="consent-title">
        <h1 id="consent-title">Privacy</h1>
        <h2>Marketing emails</h2>
        <MarketingConsentForm action={saveMarketingConsent} granted={marketingConsent.granted} at={marketingConsent.at} />
        <h2>Analytics</h2>
        <AnalyticsConsentForm action={saveAnalyticsConsent} granted={analyticsConsent.granted} at={analyticsConsent.at} />
      </section>
      <section aria-labelledby="delete-title">
        <h2 id="delete-title">Delete your account</h2>
        <p>
          Your login, saved addresses, wishlist, marketing and analytics preferences and browsing history are erased. Your <Link href="/orders">orders</Link>{' '}
          are kept for our accounts, without your name, email or address.
        </p>
        <DeleteAccountForm action={deleteAccountAction} />
      </section>
    </>
  );
}
