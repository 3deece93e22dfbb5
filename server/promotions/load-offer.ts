import { normaliseCode } from './price-with-promotions';
import type { Promotion } from './promotion-model';
import { readCustomerUses, scanPromotions } from './promotion-store';

// What pricing needs to know about promotions for one cart: the automatic promotions, the entered code's
// promotion, and how often this customer already used that code. Read live (strongly consistent) on every cart
// read and checkout pass, like prices: a paused or used-up code must stop applying at once.

export type PromotionOffer = { promotions: Promotion[]; code: string | null; customerUses: number | null };

export const NO_OFFER: PromotionOffer = { promotions: [], code: null, customerUses: null };

/** `customerKey` null: the customer is not known yet (a guest's cart), so the per-customer limit waits for checkout. */
export async function loadOffer(input: { code: string | null; customerKey: string | null }): Promise<PromotionOffer> {
  const code = input.code === null ? null : normaliseCode(input.code);
  const [all, customerUses] = await Promise.all([
    scanPromotions(),
    code !== null && input.customerKey !== null ? readCustomerUses(code, input.customerKey) : Promise.resolve(null),
  ]);
  return { promotions: all.filter((p) => p.automatic || p.code === code), code, customerUses };
}

/** Whom the per-customer limit counts: the order's email when known (so guest and account share it), else the user id. */
export function customerKeyOf(customer: { email?: string | null; userId?: string | null }): string | null {
  const email = customer.email?.trim().toLowerCase();
  if (email) return `email:${email}`;
  return customer.userId ? `user:${customer.userId}` : null;
}
