import type { APIRequestContext } from '@playwright/test';
import { inStockVariant, placeOrder, signIn, signUpShopper } from './order-support';

// Every /admin page, with who may open it and the data its [id] pages need: the one list the admin axe scan
// (e2e/admin-a11y.spec.ts) and the screenshot script (scripts/screenshots-admin.ts) walk. A page added under
// app/admin belongs here.

export const MARKETER = { email: 'marketer@example.com', password: 'Marketer-pass-1' };
export const OPERATIONS = { email: 'ops@example.com', password: 'Operations-pass-1' };

export type AdminPage = { name: string; path: string; as: 'marketer' | 'operations'; heading: string | RegExp };

/**
 * The pages, with real ids: a product from the catalog, a fresh draft campaign, and an order (the newest one, or
 * one a new shopper places when there is none). `marketer` and `operations` are signed in by this.
 */
export async function adminPages(marketer: APIRequestContext, operations: APIRequestContext, shopper: APIRequestContext): Promise<AdminPage[]> {
  await signIn(marketer, MARKETER.email, MARKETER.password);
  await signIn(operations, OPERATIONS.email, OPERATIONS.password);

  const products = (await (await marketer.get('/api/admin/products?limit=1')).json()) as { items: { id: string }[] };
  const productId = products.items[0]!.id;
  const today = new Date().toISOString().slice(0, 10);
  const created = await marketer.post('/api/admin/campaigns', {
    data: {
      segment: { kind: 'viewed-not-bought', productId, from: today, to: today },
      subject: 'Still thinking it over?',
      message: 'The one you looked at is still here.',
    },
  });
  if (created.status() !== 201) throw new Error(`campaign: ${created.status()} ${await created.text()}`);
  const campaignId = ((await created.json()) as { id: string }).id;
  let orderId = ((await (await operations.get('/api/admin/orders?limit=1')).json()) as { items: { id: string }[] }).items[0]?.id;
  if (!orderId) {
    await signUpShopper(shopper, 'admin-pages');
    orderId = await placeOrder(shopper, await inStockVariant(shopper));
  }

  return [
    { name: 'home', path: '/admin', as: 'marketer', heading: 'Back office' },
    { name: 'flags', path: '/admin/flags', as: 'marketer', heading: 'Feature flags' },
    { name: 'promotions', path: '/admin/promotions', as: 'marketer', heading: 'Promotions' },
    { name: 'products', path: '/admin/products', as: 'marketer', heading: 'Products' },
    { name: 'product', path: `/admin/products/${productId}`, as: 'marketer', heading: /.+/ },
    { name: 'reviews', path: '/admin/reviews', as: 'marketer', heading: /Review/ },
    { name: 'campaigns', path: '/admin/campaigns', as: 'marketer', heading: 'Campaigns' },
    { name: 'campaign', path: `/admin/campaigns/${campaignId}`, as: 'marketer', heading: /.+/ },
    { name: 'analytics', path: '/admin/analytics', as: 'marketer', heading: /Analytics/ },
    { name: 'orders', path: '/admin/orders', as: 'operations', heading: 'Orders' },
    { name: 'order', path: `/admin/orders/${orderId}`, as: 'operations', heading: /^Order / },
    { name: 'holds', path: '/admin/orders/holds', as: 'operations', heading: /held for review/ },
    { name: 'dead-letters', path: '/admin/orders/dead-letters', as: 'operations', heading: 'Dead letters' },
  ];
}
