import styles from '@/components/orders/orders.module.css';
import type { OrderRisk } from '@/server/fraud/contract';

// A held order's screening and the two decisions, as plain forms to server actions (they work before any script
// has loaded). Each asks for confirmation with a required "Yes, …" box, which the action checks again.

type Action = (form: FormData) => Promise<void>;

export const HOLD_OUTCOMES: Record<string, string> = {
  approved: 'Approved: the order is on its way to the warehouse.',
  rejected: 'Rejected: the payment was released, the stock put back and the shopper told.',
  unconfirmed: 'Nothing was done: tick the confirmation box to decide.',
  invalid: 'Nothing was done: the note is at most 500 characters.',
  failed: 'Nothing was done: the order is no longer on hold (decided already, cancelled, or its hold expired).',
};

export function RiskReasons({ risk }: { risk: OrderRisk | null }) {
  if (!risk) return <p className={styles.meta}>Not screened (placed before fraud screening).</p>;
  return (
    <>
      <p className={styles.meta}>
        Screening: {risk.decision} (score {risk.score}, rules version {risk.rulesVersion})
      </p>
      {risk.reasons.length > 0 ? (
        <ul aria-label="Reasons">
          {risk.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function HoldReview({ orderId, approve, reject, back }: { orderId: string; approve: Action; reject: Action; back: 'order' | 'holds' }) {
  const id = `hold-${orderId}`;
  return (
    <div className={styles.grid}>
      <form action={approve} className={styles.form} aria-label={`Approve order ${orderId}`}>
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="back" value={back} />
        <div className="field">
          <label htmlFor={`${id}-approve-note`}>Note (optional)</label>
          <input id={`${id}-approve-note`} type="text" name="note" maxLength={500} />
        </div>
        <label>
          <input type="checkbox" name="confirm" value="yes" required /> Yes, send it on to the warehouse
        </label>
        <div className={styles.actions}>
          <button type="submit" className="button">
            Approve
          </button>
        </div>
      </form>
      <form action={reject} className={styles.form} aria-label={`Reject order ${orderId}`}>
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="back" value={back} />
        <div className="field">
          <label htmlFor={`${id}-reject-note`}>Note (optional)</label>
          <input id={`${id}-reject-note`} type="text" name="note" maxLength={500} />
        </div>
        <label>
          <input type="checkbox" name="confirm" value="yes" required /> Yes, cancel it and release the payment
        </label>
        <div className={styles.actions}>
          <button type="submit" className="button button--ghost">
            Reject
          </button>
        </div>
      </form>
    </div>
  );
}
