import type { AdminSection } from '@/components/admin/admin-nav';
import { hasRole, isOperations, MARKETERS_GROUP, type SessionUser } from '@/server/identity';

const MARKETING: AdminSection = {
  title: 'Marketing',
  links: [
    { href: '/admin/flags', label: 'Feature flags' },
    { href: '/admin/promotions', label: 'Promotions' },
    { href: '/admin/products', label: 'Products' },
    { href: '/admin/reviews', label: 'Reviews' },
    { href: '/admin/campaigns', label: 'Campaigns' },
    { href: '/admin/analytics', label: 'Analytics' },
  ],
};
// The operations pages: orders, the fraud-review holds (docs/fraud.md) and the dead letters.
const OPERATIONS: AdminSection = {
  title: 'Operations',
  links: [
    { href: '/admin/orders', label: 'Orders' },
    { href: '/admin/orders/holds', label: 'Held for review' },
    { href: '/admin/orders/dead-letters', label: 'Dead letters' },
  ],
};

/** The sections a user's verified groups open, in the order the navigation shows them. */
export function sectionsFor(user: SessionUser | null): AdminSection[] {
  if (!user) return [];
  return [...(hasRole(user, MARKETERS_GROUP) ? [MARKETING] : []), ...(isOperations(user) ? [OPERATIONS] : [])];
}
