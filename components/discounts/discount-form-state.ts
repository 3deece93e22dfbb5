import type { Cart } from '@/server/cart/contract';

// What the discount-code server actions answer (app/cart/discount-actions.ts): shown by the forms, and the new cart
// for the island that shows it. Before hydration React renders the same state into the page the form posted to.

export type DiscountFormState = {
  status: 'idle' | 'applied' | 'removed' | 'refused' | 'failed';
  message: string;
  cart: Cart | null;
};

export type DiscountAction = (previous: DiscountFormState, form: FormData) => Promise<DiscountFormState>;

export const IDLE_DISCOUNT_STATE: DiscountFormState = { status: 'idle', message: '', cart: null };

/** Other islands (the checkout review) re-read the server's totals when a code changes. */
export const DISCOUNT_CHANGED_EVENT = 'storefront:discount-changed';
