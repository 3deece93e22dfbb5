import styles from './products-admin.module.css';

// A plain GET form: searching works before (and without) any script.
export function ProductSearchForm({ q }: { q: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: role="search" on the form itself gives the landmark without a <search> wrapper
    <form className={styles.search} method="get" action="/admin/products" role="search" aria-label="Products">
      <div className="field">
        <label htmlFor="products-q">Name, slug, brand or category</label>
        <input id="products-q" type="search" name="q" defaultValue={q} maxLength={200} autoComplete="off" />
      </div>
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
