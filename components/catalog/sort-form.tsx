const labels: Record<string, string> = {
  featured: 'Featured',
  relevance: 'Best match',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
  rating: 'Top rated',
  newest: 'Newest',
};

/** A plain GET form so sorting works without JavaScript; hidden fields keep the other parameters. */
export function SortForm({
  action,
  sorts,
  current,
  keep,
}: {
  action: string;
  sorts: readonly string[];
  current: string;
  /** Parameters to carry over; a list is sent once per value, as a form's ticked checkboxes are. */
  keep?: Record<string, string | readonly string[] | undefined>;
}) {
  return (
    <form action={action} method="get">
      {Object.entries(keep ?? {}).flatMap(([k, v]) =>
        (typeof v === 'string' ? [v] : (v ?? [])).filter((x) => x !== '').map((x) => <input key={`${k}=${x}`} type="hidden" name={k} value={x} />),
      )}
      <div className="field">
        <label htmlFor="sort">Sort by</label>
        <select id="sort" name="sort" defaultValue={current}>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {labels[s] ?? s}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--ghost">
        Apply
      </button>
    </form>
  );
}
