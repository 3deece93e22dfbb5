'use client';

import { useShopper } from '@/components/shopper/shopper-context';
import { CartCount } from './cart-count';

/** The header's Cart link: the count from the shopper summary, then live from every cart change. */
export function CartLink() {
  return <CartCount initialCount={useShopper()?.cartCount ?? 0} />;
}
