'use client';

import Image from 'next/image';
import Link from 'next/link';
import { useId } from 'react';
import type { Cart, CartLine } from '@/server/cart/contract';
import { formatMoney } from '@/server/platform/money';
import styles from './cart.module.css';

const MAX_LINE_QUANTITY = 99;

function optionsText(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([k, v]) => `${k[0]?.toUpperCase()}${k.slice(1)}: ${v}`)
    .join(' · ');
}

function availabilityFlag(line: CartLine): string | null {
  if (line.available) return null;
  if (line.availableQuantity === 0) return line.unitPrice.amount === 0 ? 'No longer sold' : 'Out of stock';
  return `Only ${line.availableQuantity} available — lower the quantity`;
}

/** The lines of a cart with a quantity picker and a remove button each; shared by /cart and the drawer. */
export function CartLines({
  cart,
  pendingLine,
  onQuantity,
  onRemove,
}: {
  cart: Cart;
  pendingLine: string | null;
  onQuantity: (lineId: string, quantity: number, name: string) => void;
  onRemove: (lineId: string, name: string) => void;
}) {
  const base = useId();
  return (
    <ul className={styles.lines} aria-label="Items in your cart">
      {cart.items.map((line) => {
        const qtyId = `${base}-${line.lineId}`;
        const flagId = `${qtyId}-flag`;
        const flag = availabilityFlag(line);
        // Offer up to what is in stock, but never hide the quantity the shopper already has.
        const max = Math.max(line.quantity, Math.min(MAX_LINE_QUANTITY, line.availableQuantity));
        const busy = pendingLine === line.lineId;
        return (
          <li key={line.lineId} className={styles.line} data-pending={busy}>
            {line.image ? (
              <Image className={styles.thumb} src={line.image} alt="" width={72} height={72} />
            ) : (
              <span className={styles.thumb} aria-hidden="true" />
            )}
            <div>
              <p className={styles.name}>{line.slug ? <Link href={`/p/${line.slug}`}>{line.name}</Link> : line.name}</p>
              {Object.keys(line.options).length > 0 ? <p className={styles.meta}>{optionsText(line.options)}</p> : null}
              <p className={styles.meta}>{formatMoney(line.unitPrice)} each</p>
              {flag ? (
                <p id={flagId} className={styles.flag}>
                  {flag}
                </p>
              ) : null}
              <div className={styles.controls}>
                <label htmlFor={qtyId}>
                  Quantity<span className="visually-hidden"> of {line.name}</span>
                </label>
                <select
                  id={qtyId}
                  value={line.quantity}
                  disabled={busy || line.availableQuantity === 0}
                  aria-describedby={flag ? flagId : undefined}
                  onChange={(e) => onQuantity(line.lineId, Number(e.target.value), line.name)}
                >
                  {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
                <button type="button" className={`link-button ${styles.linkButton}`} disabled={busy} onClick={() => onRemove(line.lineId, line.name)}>
                  Remove<span className="visually-hidden"> {line.name}</span>
                </button>
              </div>
            </div>
            <p className={styles.total}>
              <span className="visually-hidden">Line total: </span>
              {formatMoney(line.lineTotal)}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
