'use server';

import type { DiscountFormState } from '@/components/discounts/discount-form-state';
import { applyDiscountCode, currentCartOwner, currentCustomerKey, removeDiscountCode } from '@/server/cart';
import { isAppError } from '@/server/errors';
import { logger } from '@/server/observability';

// The discount-code forms of /cart and /checkout as server actions, so they work before (and without) hydration.
// Next checks a server action's Origin against the host itself; the session and cart owner are read here, as in
// POST /api/cart/discount, and the cart domain does the rest.

function failed(err: unknown): DiscountFormState {
  if (isAppError(err) && err.status < 500) return { status: 'refused', message: err.message, cart: null };
  logger.error('discount code action failed', { err: String(err) });
  return { status: 'failed', message: 'The code could not be checked just now. Please try again.', cart: null };
}

export async function applyDiscountAction(_previous: DiscountFormState, form: FormData): Promise<DiscountFormState> {
  const code = String(form.get('code') ?? '').trim();
  if (!code) return { status: 'refused', message: 'Enter a discount code.', cart: null };
  if (code.length > 64) return { status: 'refused', message: 'That is not a discount code.', cart: null };
  try {
    const cart = await applyDiscountCode(await currentCartOwner({ create: true }), code, await currentCustomerKey());
    return { status: 'applied', message: `Code ${code.toUpperCase()} applied.`, cart };
  } catch (err) {
    return failed(err);
  }
}

export async function removeDiscountAction(_previous: DiscountFormState, form: FormData): Promise<DiscountFormState> {
  const code = String(form.get('code') ?? '').slice(0, 64);
  try {
    const owner = await currentCartOwner();
    if (!owner) return { status: 'removed', message: 'Code removed.', cart: null };
    const cart = await removeDiscountCode(owner, code);
    return { status: 'removed', message: `Code ${code.toUpperCase()} removed.`, cart };
  } catch (err) {
    return failed(err);
  }
}
