'use client';

import { useState } from 'react';
import type { Cart } from '@/server/cart/contract';
import styles from './cart.module.css';
import { cartRequest } from './cart-api';
import { CartDrawer } from './cart-drawer';

/**
 * "Add to cart" for the selected variant. Sends product, variant and quantity only — the server prices the line.
 * The outcome is announced (aria-live) and the drawer opens with the server's cart.
 */
export function AddToCart({
  productId,
  productName,
  variantId,
  available,
}: {
  productId: string;
  productName: string;
  variantId: string | null;
  available: number;
}) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);
  const [cart, setCart] = useState<Cart | null>(null);
  const [open, setOpen] = useState(false);
  const soldOut = !variantId || available === 0;

  async function add() {
    if (!variantId || pending) return;
    setPending(true);
    setMessage('');
    const result = await cartRequest('POST', '/api/cart/items', { productId, variantId, quantity: 1 });
    setPending(false);
    setFailed(!result.ok);
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    setMessage(`Added ${productName} to your cart.`);
    setCart(result.data);
    setOpen(true);
  }

  return (
    <>
      <div className={styles.addRow}>
        <button type="button" className="button" onClick={add} disabled={soldOut || pending}>
          {pending ? 'Adding…' : 'Add to cart'}
        </button>
        <p className={`${styles.status}${failed ? ` ${styles.error}` : ''}`} role="status" aria-live="polite">
          {message}
        </p>
      </div>
      {cart ? <CartDrawer cart={cart} open={open} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
