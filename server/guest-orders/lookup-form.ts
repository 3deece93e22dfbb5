import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { clientAddressBucket } from '../platform/http/client-address';
import { lookupBodySchema, lookupGuestOrder } from './lookup-guest-order';
import { grantGuestOrder } from './order-access';

// The /orders/lookup form's server action (it works before hydration: a plain form post), on the same lookup,
// limits and cookie as POST /api/orders/lookup. Answers what the form shows, never throws for a shopper's mistake.

export type LookupFormState = {
  values: { email: string; orderId: string };
  fieldErrors: Partial<Record<'email' | 'orderId', string>>;
  message?: string;
};

export async function lookupFromForm(form: FormData, requestHeaders: Headers): Promise<{ orderId: string } | LookupFormState> {
  const values = { email: String(form.get('email') ?? ''), orderId: String(form.get('orderId') ?? '') };
  const parsed = lookupBodySchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: LookupFormState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'email' || field === 'orderId') && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { values, fieldErrors };
  }
  try {
    const address = clientAddressBucket(requestHeaders, getConfig().TRUSTED_PROXY_HOPS);
    const { order, owner } = await lookupGuestOrder({ ...parsed.data, address });
    await grantGuestOrder({ orderId: order.id, owner });
    return { orderId: order.id };
  } catch (err) {
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'RATE_LIMITED')) return { values, fieldErrors: {}, message: err.message };
    throw err;
  }
}
