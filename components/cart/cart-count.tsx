'use client';

import { useEffect, useState } from 'react';
import { IntentLink } from '@/components/layout/intent-link';
import styles from './cart.module.css';
import { CART_CHANGED_EVENT } from './cart-api';

/** The header's Cart link with a live item count; every cart change in any island updates it. */
export function CartCount({ initialCount }: { initialCount: number }) {
  const [count, setCount] = useState(initialCount);
  useEffect(() => setCount(initialCount), [initialCount]);
  useEffect(() => {
    const onChange = (e: Event) => setCount((e as CustomEvent<number>).detail);
    window.addEventListener(CART_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(CART_CHANGED_EVENT, onChange);
  }, []);
  return (
    <IntentLink href="/cart" aria-label={count > 0 ? `Cart, ${count} ${count === 1 ? 'item' : 'items'}` : 'Cart'}>
      Cart
      {count > 0 ? (
        <span className={styles.count} aria-hidden="true">
          {count}
        </span>
      ) : null}
    </IntentLink>
  );
}
