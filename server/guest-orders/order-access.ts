import { cookies } from 'next/headers';
import { getSessionUser, type SessionUser } from '../identity';
import { getOrder, type Order, resolveOrderRef } from '../orders';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { decodeGuestGrants, encodeGuestGrants, GUEST_ORDERS_COOKIE, type GuestOrderGrant, guestOrdersCookieOptions, withGrant } from './guest-order-grant';
import { verifyGuestOrderLinkToken } from './guest-order-link';

// The thin Next layer: who may see (or cancel) one order in this request. The signed-in owner (the order under
// their key), or a guest holding this order in the signed cookie, or — to read only — the signed email link's
// token. Anything else is null, and the routes answer 404: another guest's cookie, a tampered or expired link and
// a shopper who does not own the order all look like an order that does not exist. The signed link also lets a
// guest ask for a return (they have no account to sign in to); cancelling still takes the session or the cookie.
// `orderRef` may be the id or the human number: a number is resolved to its id first, then read as an id is.

type Purpose = 'read' | 'cancel' | 'return';
const LINK_PURPOSES: readonly Purpose[] = ['read', 'return'];

type OrderAccess = {
  order: Order;
  /** The key the order is read and changed under (the shopper's sub, or the guest partition). */
  ownerId: string;
  via: 'account' | 'guest-cookie' | 'guest-link';
};

async function currentGuestGrants(): Promise<GuestOrderGrant[]> {
  const jar = await cookies();
  return decodeGuestGrants(jar.get(GUEST_ORDERS_COOKIE)?.value, getConfig().SESSION_SECRET);
}

/**
 * Whether the request tries guest access at all — a guest cookie (valid or not) or a link token — else a route
 * without a session answers 401, as before guest checkout. A tampered cookie is a 404 like another guest's.
 */
async function hasGuestCredential(linkToken?: string | null): Promise<boolean> {
  return Boolean(linkToken) || (await cookies()).get(GUEST_ORDERS_COOKIE) !== undefined;
}

export async function resolveOrderAccess(
  orderRef: string,
  opts: { user: SessionUser | null; purpose: Purpose; linkToken?: string | null },
): Promise<OrderAccess | null> {
  const orderId = await resolveOrderRef(orderRef);
  if (!orderId) return null;
  if (opts.user) {
    const order = await getOrder(opts.user.id, orderId);
    if (order) return { order, ownerId: opts.user.id, via: 'account' };
  }
  const grant = (await currentGuestGrants()).find((g) => g.orderId === orderId);
  if (grant) {
    const order = await getOrder(grant.owner, orderId);
    if (order) return { order, ownerId: grant.owner, via: 'guest-cookie' };
  }
  if (LINK_PURPOSES.includes(opts.purpose) && opts.linkToken) {
    const linked = await verifyGuestOrderLinkToken(opts.linkToken, orderId, getConfig().SESSION_SECRET);
    const order = linked ? await getOrder(linked.owner, orderId) : null;
    if (linked && order) return { order, ownerId: linked.owner, via: 'guest-link' };
  }
  return null;
}

/** Adds this order to the browser's guest cookie (route handlers and server actions only: they can set cookies). */
export async function grantGuestOrder(grant: GuestOrderGrant): Promise<void> {
  const jar = await cookies();
  const { SESSION_SECRET, SITE_URL } = getConfig();
  const current = decodeGuestGrants(jar.get(GUEST_ORDERS_COOKIE)?.value, SESSION_SECRET);
  jar.set(GUEST_ORDERS_COOKIE, encodeGuestGrants(withGrant(current, grant), SESSION_SECRET), guestOrdersCookieOptions(SITE_URL));
}

/**
 * The order routes' gate: the access this request has to `orderId`, else 401 when it carries neither a session nor
 * any guest credential (as before guest checkout), and 404 otherwise — the same 404 as an order that does not exist.
 */
export async function requireOrderAccess(orderId: string, opts: { purpose: Purpose; linkToken?: string | null }): Promise<OrderAccess> {
  const user = await getSessionUser();
  const access = await resolveOrderAccess(orderId, { user, ...opts });
  if (access) return access;
  if (!user && !(await hasGuestCredential(LINK_PURPOSES.includes(opts.purpose) ? opts.linkToken : null))) {
    throw new AppError('UNAUTHENTICATED', 'Sign in, or open the link in your order confirmation email, to see this order.');
  }
  throw new AppError('NOT_FOUND', 'There is no such order in your account.');
}
