import { loadOffer, NO_OFFER, type PromotionOffer } from '../promotions';
import type { StoredCart } from './contract';

/** The promotions a stored cart is priced with: its entered code (if any) and the automatic promotions. */
export async function cartOffer(stored: Pick<StoredCart, 'lines' | 'discountCodes'> | null, customerKey: string | null): Promise<PromotionOffer> {
  const code = stored?.discountCodes?.[0] ?? null;
  // An empty cart without a code has nothing to discount: no read at all.
  if (!stored || (stored.lines.length === 0 && code === null)) return NO_OFFER;
  return loadOffer({ code, customerKey });
}
