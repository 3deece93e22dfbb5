import { invalidDiscountError, normaliseCode } from '../promotions';
import type { Cart, CartOwner } from './contract';
import { mutateCart } from './mutate-cart';

// POST /api/cart/discount and DELETE /api/cart/discount/[code]: the one code a cart carries. Entering a code
// replaces the one entered before (one code per order); it is checked against the cart as it is now and refused
// with the reason (400 INVALID_DISCOUNT) rather than stored. Checkout checks it all again.

export async function applyDiscountCode(owner: CartOwner, rawCode: string, customerKey: string | null): Promise<Cart> {
  const code = normaliseCode(rawCode);
  return mutateCart(owner, [], (cart) => ({ lines: cart.lines, discountCodes: [code] }), {
    customerKey,
    check: (priced) => {
      const issue = priced.discountIssue;
      if (issue && issue.code === code) throw invalidDiscountError(code, issue.reason, issue.message);
    },
  });
}

/** Removes the code if the cart carries it; removing a code it does not carry changes nothing. */
export async function removeDiscountCode(owner: CartOwner, rawCode: string): Promise<Cart> {
  const code = normaliseCode(rawCode);
  return mutateCart(owner, [], (cart) => ({ lines: cart.lines, discountCodes: (cart.discountCodes ?? []).filter((c) => c !== code) }));
}
