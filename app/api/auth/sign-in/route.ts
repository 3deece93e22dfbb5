import { onSignIn } from '@/server/cart';
import { appendSetCookies, assertSameOrigin, cookieJarFromRequest, DEVICE_COOKIE, signInBody, signInWithPassword } from '@/server/identity';
import { claimGuestOrders } from '@/server/orders';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { parseJsonBody, route } from '@/server/platform/http/respond';
import { logger } from '@/server/platform/observability';
import { mergeWishlistOnSignIn } from '@/server/wishlist';

// 200 { user } with the session cookies; 401 for a wrong email or password (the same answer for both), 429 with
// Retry-After once the address or the account has used up its failed attempts (server/identity/attempt-limits.ts). Same-origin check first: a forged page must not
// be able to sign a victim into the attacker's account (login CSRF).
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const body = await parseJsonBody(req, signInBody);
  const { user, cookies, emailVerified } = await signInWithPassword({
    ...body,
    address: requestAddressBucket(req),
    deviceCookie: cookieJarFromRequest(req).get(DEVICE_COOKIE),
  });
  try {
    // Moves the guest cart into the account. It reads and clears the cart cookie through next/headers.
    await onSignIn(user.id);
  } catch (err) {
    // A cart problem must never block signing in; the guest cart keeps its cookie for the next sign-in.
    logger.warn('guest cart merge skipped at sign-in', { err: String(err) });
  }
  if (emailVerified) {
    try {
      // Orders placed as a guest with this (verified) email join the account, once (docs/checkout.md "Claiming").
      await claimGuestOrders(user.id, user.email);
    } catch (err) {
      // Never blocks signing in; the orders stay claimable at the next sign-in.
      logger.warn('guest order claim skipped at sign-in', { err: String(err) });
    }
  }
  // The guest wishlist joins the account the same way (never throws).
  await mergeWishlistOnSignIn(user.id);
  const res = Response.json({ user }, { headers: { 'Cache-Control': 'no-store' } });
  appendSetCookies(res.headers, cookies);
  return res;
});
