import type { Metadata } from 'next';
import { staffUser } from '@/app/admin/staff-access';
import { FlagsAdmin } from '@/components/admin/flags-admin';
import { listFlags, propagationSeconds } from '@/server/flags';
import { MARKETERS_GROUP } from '@/server/identity';

// /admin/flags, for the marketers group. Middleware already sends visitors without a session to sign in; this page
// checks the verified session and the group itself (ADR 0004), and the API it calls checks both again.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Feature flags', robots: { index: false, follow: false } };

export default async function AdminFlagsPage() {
  const { user, denied } = await staffUser(MARKETERS_GROUP, '/admin/flags', 'feature flags');
  if (denied) return denied;
  const flags = await listFlags(user);
  const seconds = propagationSeconds();
  return (
    <>
      <h1>Feature flags</h1>
      <p>
        Turn features on or off, roll them out to part of the shop, or limit them to signed-in shoppers or Cognito groups. Changes reach every shopper within{' '}
        {seconds} seconds. Every change is recorded in the flag’s history, where it can be reverted.
      </p>
      <FlagsAdmin initialFlags={flags} ttlSeconds={seconds} />
    </>
  );
}
