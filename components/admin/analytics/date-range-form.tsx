import styles from './analytics.module.css';

// A plain GET form: works before (and without) hydration, and the range lands in the URL to share.
export function DateRangeForm({ from, to, error }: { from: string; to: string; error?: string }) {
  return (
    <form className={styles.range} method="get" action="/admin/analytics" aria-describedby={error ? 'range-error' : undefined}>
      <label>
        From
        <input type="date" name="from" defaultValue={from} required />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={to} required />
      </label>
      <button className="button" type="submit">
        Show
      </button>
      {error ? (
        <p id="range-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
