import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import styles from '@/components/wishlist/wishlist.module.css';
import { priceDropProductIds } from '@/server/alerts';
import { getSessionUser } from '@/server/identity';
import { formatMoney } from '@/server/platform/money';
import { currentWishlistOwner, getWishlistForPage } from '@/server/wishlist';
import { moveToCart, removeFromWishlist, setPriceDropAlert } from './actions';

// The shopper's own list, read live (never cached). Its forms are server actions, so they work before hydration.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Your wishlist', robots: { index: false } };

const STATUS: Record<string, { text: string; problem?: boolean }> = {
  moved: { text: 'Moved to your cart.' },
  removed: { text: 'Removed from your wishlist.' },
  'price-alert-on': { text: 'We will email you once if its price drops.' },
  'price-alert-off': { text: 'No price-drop email for that product.' },
  'sold-out': { text: 'That option is sold out. Pick another, or keep it on your list for later.', problem: true },
  failed: { text: 'That did not work. Please try again.', problem: true },
};

export default async function WishlistPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const [owner, user] = await Promise.all([currentWishlistOwner(), getSessionUser()]);
  const items = owner ? await getWishlistForPage(owner) : [];
  const watched =
    user && items.length
      ? await priceDropProductIds(
          user.id,
          items.map((i) => i.productId),
        )
      : new Set<string>();
  const status = STATUS[(await searchParams).status ?? ''];
  return (
    <>
      <h1>Your wishlist</h1>
      {status ? (
        <p className={status.problem ? styles.problem : styles.notice} role={status.problem ? 'alert' : 'status'}>
          {status.text}
        </p>
      ) : null}
      {!user && items.length > 0 ? (
        <p>
          <Link href={`/sign-in?${new URLSearchParams({ next: '/wishlist' })}`}>Sign in</Link> to keep this list on every device and to get an email when a
          saved product's price drops.
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>
          Nothing saved yet. Press the heart on any product to keep it here. <Link href="/">Browse the shop</Link>
        </p>
      ) : (
        <ul className={styles.list} aria-label="Saved products">
          {items.map((item) => {
            const preferred = item.variants.find((v) => v.id === item.variantId && v.available > 0) ?? item.variants.find((v) => v.available > 0);
            const selectId = `variant-${item.productId}`;
            return (
              <li key={item.productId} className={styles.item}>
                <Image src={item.product.image} alt="" width={96} height={96} />
                <div>
                  <h2>
                    <Link href={`/p/${item.product.slug}`}>{item.product.name}</Link>
                  </h2>
                  <p>from {formatMoney(item.product.price)}</p>
                  <div className={styles.actions}>
                    <form action={moveToCart} aria-label={`Move ${item.product.name} to cart`}>
                      <input type="hidden" name="productId" value={item.productId} />
                      <label htmlFor={selectId}>Option</label>{' '}
                      <select id={selectId} name="variantId" defaultValue={preferred?.id ?? item.variants[0]?.id}>
                        {item.variants.map((v) => (
                          <option key={v.id} value={v.id} disabled={v.available === 0}>
                            {v.label} · {formatMoney(v.price)}
                            {v.available === 0 ? ' (sold out)' : ''}
                          </option>
                        ))}
                      </select>{' '}
                      <button type="submit" className="button" disabled={!preferred}>
                        Move {item.product.name} to cart
                      </button>
                    </form>
                    {user ? (
                      <form action={setPriceDropAlert}>
                        <input type="hidden" name="productId" value={item.productId} />
                        <input type="hidden" name="alert" value={watched.has(item.productId) ? 'off' : 'on'} />
                        <button type="submit" className="button button--ghost" aria-pressed={watched.has(item.productId)}>
                          Email me if {item.product.name} drops in price
                        </button>
                      </form>
                    ) : null}
                    <form action={removeFromWishlist}>
                      <input type="hidden" name="productId" value={item.productId} />
                      <button type="submit" className="button button--ghost">
                        Remove {item.product.name}
                      </button>
                    </form>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
