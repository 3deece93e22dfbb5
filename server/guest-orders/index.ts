import 'server-only';
import { getConfig } from '../platform/config';
import { signGuestOrderLinkToken } from './guest-order-link';

// Public entry of guest order access (docs/checkout.md "Guest checkout"): the cookie a guest checkout (or lookup)
// sets, the signed link of the confirmation email, the rate-limited lookup, and who may see an order in a request.

export { type LookupFormState, lookupFromForm } from './lookup-form';
export { lookupBodySchema, lookupGuestOrder } from './lookup-guest-order';
export { grantGuestOrder, requireOrderAccess, resolveOrderAccess } from './order-access';

/** The absolute link to a guest order for its emails: reads that order, expires, needs nothing else. */
export async function guestOrderLink(grant: { orderId: string; owner: string }): Promise<string> {
  const { SITE_URL, SESSION_SECRET } = getConfig();
  const token = await signGuestOrderLinkToken(grant, SESSION_SECRET);
  return new URL(`/orders/${encodeURIComponent(grant.orderId)}?${new URLSearchParams({ access: token })}`, SITE_URL).toString();
}
