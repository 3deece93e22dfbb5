import type { ProductAuditEntry } from '@/server/catalog';
import { formatWhen } from '../describe-flag';
import { describeProductChange } from './describe-product-change';
import styles from './products-admin.module.css';

// Who changed one product, when, and from what to what, newest first. Rendered on the server with the page.
export function ProductHistory({
  entries,
  productName,
  variantLabels,
}: {
  entries: ProductAuditEntry[];
  productName: string;
  variantLabels: ReadonlyMap<string, string>;
}) {
  if (entries.length === 0) return <p className={styles.hint}>No changes recorded yet.</p>;
  return (
    <ol className={styles.history} aria-label={`History of ${productName}`}>
      {entries.map((entry) => (
        <li key={entry.entryId} className={styles.entry}>
          <div>
            <strong>Version {entry.version}</strong> by {entry.by} · <time dateTime={entry.at}>{formatWhen(entry.at)}</time>
          </div>
          <ul className={styles.changes}>
            {describeProductChange(entry.before, entry.after, variantLabels).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
