'use client';

import { type ComponentProps, type ComponentType, useEffect, useRef, useState } from 'react';
import type { Cart } from '@/server/cart/contract';
import styles from './cart.module.css';
import { cartRequest } from './cart-api';
import type { CartDrawer } from './cart-drawer';

type Drawer = ComponentType<ComponentProps<typeof CartDrawer>>;

// The drawer (its lines, discounts and images) is fetched with the first add, beside the POST, not with the page
// (docs/adr/0034): "Adding…" covers both. If its chunk cannot be fetched, the add still counts and is announced.
const loadDrawer = (): Promise<Drawer | null> =>
  import('./cart-drawer').then(
    (m) => m.CartDrawer,
    () => null,
  );

/**
 * "Add to cart" for the selected variant. Sends product, variant and quantity only — the server prices the line.
 * The outcome is announced (aria-live) and the drawer opens with the server's cart.
 *
 * On a phone this row pins itself to the bottom of the screen, with the name and `stickyPrice`, once
 * its place has scrolled up out of view (issue 27): one button, never a second copy, so one announcement and one
 * tab stop. Its place keeps its height, so nothing jumps; the page makes room below its last control and lifts the
 * assistant's launcher above the bar (app/globals.css "Sticky Add to cart"), so the bar covers no other control.
 * Plain classes, not a CSS module: a module's class map would ship in this island's JavaScript.
 */
export function AddToCart({
  productId,
  productName,
  variantId,
  available,
  stickyPrice,
}: {
  productId: string;
  productName: string;
  variantId: string | null;
  available: number;
  /** The chosen variant's price, shown in the sticky bar; without it there is no bar. */
  stickyPrice?: string;
}) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);
  const [cart, setCart] = useState<Cart | null>(null);
  const [Drawer, setDrawer] = useState<Drawer | null>(null);
  const [open, setOpen] = useState(false);
  const soldOut = !variantId || available === 0;
  const spot = useRef<HTMLDivElement>(null);
  const [pinned, setPinned] = useState(false);

  useEffect(() => {
    // Observed even without a price (the pinned row then shows the button alone); the product page always gives one.
    // Pinned only once its place has gone up under the sticky header (at most 140px on a phone, ADR 0025): until
    // then the button itself is in reach. The root reaches far below the screen so that "below" and "above" are
    // two different answers: a jump from one to the other (a long fling, a link to #reviews) still reports.
    const observer = new IntersectionObserver(([entry]) => setPinned(entry!.boundingClientRect.bottom < 140), { rootMargin: '-140px 0px 99999px' });
    // The row is always rendered, so its place exists once this runs.
    observer.observe(spot.current!);
    return () => observer.disconnect();
  }, []);

  async function add() {
    if (!variantId || pending) return;
    setPending(true);
    setMessage('');
    const [result, drawer] = await Promise.all([cartRequest('POST', '/api/cart/items', { productId, variantId, quantity: 1 }), Drawer ?? loadDrawer()]);
    setPending(false);
    setFailed(!result.ok);
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    setMessage(`Added ${productName} to your cart.`);
    setCart(result.data);
    if (drawer) {
      setDrawer(() => drawer);
      setOpen(true);
    }
  }

  return (
    <>
      <div className="buy-spot" ref={spot}>
        <div className={`${styles.addRow}${pinned ? ' buy-bar' : ''}`}>
          {stickyPrice ? (
            <p className="buy-bar__summary">
              <span>{productName}</span> <b>{stickyPrice}</b>
            </p>
          ) : null}
          <button type="button" className="button" onClick={add} disabled={soldOut || pending}>
            {pending ? 'Adding…' : 'Add to cart'}
          </button>
          <p className={`${styles.status}${failed ? ` ${styles.error}` : ''}`} role="status" aria-live="polite">
            {message}
          </p>
        </div>
      </div>
      {cart && Drawer ? <Drawer cart={cart} open={open} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
