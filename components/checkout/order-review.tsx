import { formatMoney } from '@/server/platform/money';
import styles from './checkout.module.css';
import type { QuoteView } from './checkout-types';
import { QUOTE_UNAVAILABLE } from './use-checkout-quote';

/** The quote request failed on the way (use-checkout-quote.ts): said plainly, with a way to ask again. */
export type QuoteTrouble = { unavailable: boolean; onRetry: () => void };

/** What both summaries show: the quote, whether a new one is on its way, the method chosen, a failed quote. */
type SummaryProps = { quote: QuoteView; loading: boolean; shippingMethod: string; trouble: QuoteTrouble };

/** The lines and the server's totals: the review's body, and the phone's collapsible summary's. */
function OrderLines({ quote, shippingMethod, trouble }: { quote: QuoteView; shippingMethod: string; trouble: QuoteTrouble }) {
  const totals = quote.totals;
  const shipping = quote.shippingOptions.find((o) => o.id === shippingMethod)?.price;
  return (
    <>
      <ul className={styles.items}>
        {quote.lines.map((l) => (
          <li key={l.lineId} className={styles.item}>
            <span>
              {l.name} × {l.quantity}
              {Object.keys(l.options).length > 0 ? <small>{Object.values(l.options).join(' · ')}</small> : null}
              {!l.available ? <small>Not available in this quantity</small> : null}
            </span>
            <span>{formatMoney(l.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <dl className={styles.totals}>
        <div>
          <dt>Subtotal</dt>
          <dd>{formatMoney(quote.subtotal)}</dd>
        </div>
        {(totals?.discounts ?? quote.discounts).map((d) => (
          <div key={d.code}>
            <dt>{d.automatic ? d.description : `${d.description} (${d.code})`}</dt>
            <dd>{d.amount.amount > 0 ? `−${formatMoney(d.amount)}` : d.kind === 'free-shipping' ? 'Free shipping' : formatMoney(d.amount)}</dd>
          </div>
        ))}
        <div>
          <dt>Shipping</dt>
          <dd>{shipping ? (shipping.amount === 0 ? 'Free' : formatMoney(shipping)) : '—'}</dd>
        </div>
        <div>
          <dt>Tax</dt>
          <dd>{totals ? formatMoney(totals.tax) : trouble.unavailable ? '—' : 'Enter your state or province and ZIP or postal code'}</dd>
        </div>
        <div className={styles.grand}>
          <dt>Total</dt>
          <dd>{totals ? formatMoney(totals.total) : '—'}</dd>
        </div>
      </dl>
      {trouble.unavailable && !totals ? (
        <p className={styles.quoteTrouble}>
          {QUOTE_UNAVAILABLE}{' '}
          <button type="button" className={`link-button ${styles.linkButton}`} onClick={trouble.onRetry}>
            Try again
          </button>
        </p>
      ) : null}
    </>
  );
}

/**
 * On a phone the review comes after the whole form (one column): this closed-by-default summary sits above the
 * payment step with the total in its toggle, so the shopper sees what they pay before the card (issue 27).
 * Hidden where the review stands beside the form.
 */
export function CollapsibleOrderSummary({ quote, loading, shippingMethod, trouble }: SummaryProps) {
  return (
    <details className={styles.phoneSummary} aria-busy={loading}>
      <summary>
        <span>Order summary</span>{' '}
        <span>
          {quote.totals ? 'Total ' : 'Subtotal '}
          <strong>{formatMoney(quote.totals ? quote.totals.total : quote.subtotal)}</strong>
        </span>
      </summary>
      <OrderLines quote={quote} shippingMethod={shippingMethod} trouble={trouble} />
    </details>
  );
}

/** The order as it will be charged: lines and the server's totals for the address and method chosen. */
export function OrderReview({ quote, loading, shippingMethod, trouble }: SummaryProps) {
  const totals = quote.totals;
  return (
    <section className={styles.review} aria-labelledby="review-title" aria-busy={loading}>
      <h2 id="review-title">Review your order</h2>
      <OrderLines quote={quote} shippingMethod={shippingMethod} trouble={trouble} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {totals && !loading ? `Order total ${formatMoney(totals.total)}` : trouble.unavailable && !loading ? QUOTE_UNAVAILABLE : ''}
      </p>
    </section>
  );
}
