'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { useShopperNeeds } from '@/components/shopper/shopper-context';
import styles from './wishlist.module.css';
import { seedWishlist, subscribeWishlist, toggleWishlist, wishlistServerSnapshot, wishlistSnapshot } from './wishlist-client';

const PARTS = ['wishlist'] as const;

/**
 * The heart: a toggle button (aria-pressed) whose name says which product it saves. Its state comes from the
 * shopper's own no-store read (the page's one GET /api/shopper), so the cached page around it stays the same for everyone.
 */
export function WishlistHeart({ productId, productName }: { productId: string; productName: string }) {
  const fromSummary = useShopperNeeds(PARTS)?.wishlistProductIds;
  useEffect(() => {
    if (fromSummary) seedWishlist(fromSummary);
  }, [fromSummary]);
  const { ids, loaded } = useSyncExternalStore(subscribeWishlist, wishlistSnapshot, wishlistServerSnapshot);
  const [message, setMessage] = useState('');
  const pressed = ids.has(productId);

  async function toggle() {
    const result = await toggleWishlist(productId, !pressed);
    setMessage(result.ok ? (pressed ? `Removed ${productName} from your wishlist.` : `Saved ${productName} to your wishlist.`) : (result.message ?? ''));
  }

  return (
    <span className={styles.heartWrap}>
      <button type="button" className={styles.heart} aria-pressed={pressed} aria-label={`Save ${productName} to wishlist`} disabled={!loaded} onClick={toggle}>
        <span aria-hidden="true">{pressed ? '♥' : '♡'}</span>
      </button>
      <span className="visually-hidden" role="status">
        {message}
      </span>
    </span>
  );
}
