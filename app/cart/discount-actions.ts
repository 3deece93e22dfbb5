'use server';

import type { DiscountFormState } from '@/components/discounts/discount-form-state';
import { applyDiscountToCurrentCart, removeDiscountFromCurrentCart } from '@/server/cart';
import { action } from '@/server/platform/http/action';
import { discountCodeBodySchema } from '@/server/promotions/contract';

// The discount-code forms of /cart and /checkout as server actions, so they work before (and without) hydration.
// The twin of POST /api/cart/discount: the same schema, the same cart function (which reads the session and cart
// owner itself); Next checks an action's Origin against the host.

const codeOf = (form: FormData) => ({ code: String(form.get('code') ?? '') });

/** A refusal in the form's words: a field's own message when the schema refused it. */
function refused(err: { message: string; details?: unknown }): DiscountFormState {
  const first = Array.isArray(err.details) ? (err.details[0] as { message?: unknown } | undefined)?.message : undefined;
  return { status: 'refused', message: typeof first === 'string' ? first : err.message, cart: null };
}

const failed = (): DiscountFormState => ({ status: 'failed', message: 'The code could not be checked just now. Please try again.', cart: null });

export const applyDiscountAction = action({
  name: 'apply discount code',
  schema: discountCodeBodySchema,
  input: codeOf,
  run: async ({ code }): Promise<DiscountFormState> => {
    const cart = await applyDiscountToCurrentCart(code);
    return { status: 'applied', message: `Code ${code.toUpperCase()} applied.`, cart };
  },
  refused,
  failed,
});

export const removeDiscountAction = action({
  name: 'remove discount code',
  schema: discountCodeBodySchema,
  input: codeOf,
  run: async ({ code }): Promise<DiscountFormState> => {
    const cart = await removeDiscountFromCurrentCart(code);
    return { status: 'removed', message: `Code ${code.toUpperCase()} removed.`, cart };
  },
  refused,
  failed,
});
