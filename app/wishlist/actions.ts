'use server';

import { redirect } from 'next/navigation';
import { cancelPriceDrop, subscribeToPriceDrop } from '@/server/alerts';
import { addCartItem, currentCartOwner } from '@/server/cart';
import { getSessionUser } from '@/server/identity';
import { isAppError } from '@/server/platform/errors';
import { currentWishlistOwner, removeWishlistItem, wishlistProductIdSchema } from '@/server/wishlist';

// The /wishlist forms' server actions: plain form posts that work before (and without) hydration. The outcome goes
// back as a fixed status code in the URL (never a message text, so a crafted link cannot put words on the page).

function field(form: FormData, name: string): string | null {
  const value = form.get(name);
  const parsed = wishlistProductIdSchema.safeParse(typeof value === 'string' ? value : '');
  return parsed.success ? parsed.data : null;
}

export async function removeFromWishlist(form: FormData): Promise<void> {
  const productId = field(form, 'productId');
  const owner = await currentWishlistOwner();
  if (productId && owner) await removeWishlistItem(owner, productId);
  redirect('/wishlist?status=removed');
}

export async function moveToCart(form: FormData): Promise<void> {
  const productId = field(form, 'productId');
  const variantId = field(form, 'variantId');
  const owner = await currentWishlistOwner();
  if (!productId || !variantId || !owner) redirect('/wishlist?status=failed');
  let status = 'moved';
  try {
    await addCartItem(await currentCartOwner({ create: true }), { productId, variantId, quantity: 1 });
    await removeWishlistItem(owner, productId);
  } catch (err) {
    if (!isAppError(err)) throw err;
    status = err.code === 'OUT_OF_STOCK' ? 'sold-out' : 'failed';
  }
  redirect(`/wishlist?status=${status}`);
}

/** Price-drop emails for one saved product, on or off (signed-in shoppers: the email goes to the account's address). */
export async function setPriceDropAlert(form: FormData): Promise<void> {
  const productId = field(form, 'productId');
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: '/wishlist' })}`);
  if (!productId) redirect('/wishlist?status=failed');
  let status = form.get('alert') === 'on' ? 'price-alert-on' : 'price-alert-off';
  try {
    if (status === 'price-alert-on') await subscribeToPriceDrop(user, productId);
    else await cancelPriceDrop(user.id, productId);
  } catch (err) {
    if (!isAppError(err)) throw err;
    status = 'failed';
  }
  redirect(`/wishlist?status=${status}`);
}
