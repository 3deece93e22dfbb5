import type { ReactNode } from 'react';
import { AdminNav, type AdminSection } from '@/components/admin/admin-nav';
import { MARKETERS_GROUP } from '@/server/flags';
import { getSessionUser, isOperations } from '@/server/identity';

const MARKETING: AdminSection[] = [
  { href: '/admin/campaigns', label: 'Campaigns' },
  { href: '/admin/promotions', label: 'Promotions' },
  { href: '/admin/products', label: 'Products' },
  { href: '/admin/reviews', label: 'Reviews' },
  { href: '/admin/flags', label: 'Feature flags' },
  { href: '/admin/analytics', label: 'Analytics' },
];
const OPERATIONS: AdminSection[] = [{ href: '/admin/orders', label: 'Order operations' }];

// The admin pages' navigation, by the verified session's groups. Each page below checks its own group itself; the
// layout only frames them (a layout is not a security boundary).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  // The navigation is a convenience: if the session cannot be read now, the page (which checks it itself and shows
  // the outage) renders without it rather than failing twice.
  const user = await getSessionUser().catch(() => null);
  const sections = user ? [...(user.groups.includes(MARKETERS_GROUP) ? MARKETING : []), ...(isOperations(user) ? OPERATIONS : [])] : [];
  return (
    <>
      <AdminNav sections={sections} />
      {children}
    </>
  );
}
