import { STATUS_LABELS } from '@/components/orders/format-order';
import type { OrderStatus } from '@/server/orders/contract';
import styles from './operations.module.css';

// A plain GET form: searching and filtering work before (and without) any script.
export function OrdersSearchForm({ q, status, statuses }: { q: string; status: OrderStatus | undefined; statuses: readonly OrderStatus[] }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: role="search" on the form itself gives the same landmark without a <search> wrapper, which would become the styled child instead of the form
    <form className={styles.search} method="get" action="/admin/orders" role="search" aria-label="Orders">
      <div className="field">
        <label htmlFor="orders-q">Order id or email</label>
        <input id="orders-q" type="search" name="q" defaultValue={q} maxLength={254} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="orders-status">Status</label>
        <select id="orders-status" name="status" defaultValue={status ?? ''}>
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
