import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AccountNav } from '@/components/account/account-nav';

export const metadata: Metadata = { title: { template: '%s · Your account', default: 'Your account' }, robots: { index: false } };

// Each page below checks the session itself; the layout only frames them.
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AccountNav />
      {children}
    </>
  );
}
