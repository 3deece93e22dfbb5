import type { Metadata } from 'next';
import { staffUser } from '@/app/admin/staff-access';
import { PromotionsAdmin } from '@/components/admin/promotions/promotions-admin';
import { categoryChoices } from '@/server/catalog';
import { MARKETERS_GROUP } from '@/server/identity';
import { listPromotions } from '@/server/promotions';

// /admin/promotions, for the marketers group: the page checks the verified session and the group itself
// (ADR 0004), and the API it calls checks both again.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Promotions', robots: { index: false, follow: false } };

export default async function AdminPromotionsPage() {
  const { user, denied } = await staffUser(MARKETERS_GROUP, '/admin/promotions', 'promotions');
  if (denied) return denied;
  const [promotions, categories] = await Promise.all([listPromotions(user), categoryChoices()]);
  return (
    <>
      <h1>Promotions</h1>
      <p>
        Discount codes and automatic promotions. Shoppers enter one code per order; automatic promotions apply to everyone in their window (the stacking rules
        are in docs/promotions.md). Pausing takes effect at once; every change is recorded in the promotion’s history.
      </p>
      <PromotionsAdmin initialPromotions={promotions} categories={categories} />
    </>
  );
}
