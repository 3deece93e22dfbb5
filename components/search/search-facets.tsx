import { CappedFacet } from '@/components/catalog/capped-facet';
import { offered, VALUE_LEGENDS, VALUE_NOUNS } from '@/components/catalog/category-filters';
import { IntentLink } from '@/components/layout/intent-link';
import type { SearchFacets } from '@/server/search/contract';
import { SEARCH_VALUE_FILTERS, type SearchState, searchHref, toggleValue } from './search-url';

/** One facet value: a link that toggles it, marked current while it is chosen, with its count. */
function FacetLink({ href, active, label, count }: { href: string; active: boolean; label: string; count: number }) {
  return (
    <li>
      <IntentLink href={href} aria-current={active ? 'true' : undefined}>
        <span>{label}</span> <span>{count}</span>
      </IntentLink>
    </li>
  );
}

/**
 * Facet filters as links: each toggles one filter and keeps the rest, so they work without JavaScript. Inside a
 * <details> "Filters" like a category page's (closed on a phone, so the results come first; open beside them from
 * 860px: app/globals.css `.filters`).
 */
export function SearchFacetsPanel({ facets, state }: { facets: SearchFacets; state: SearchState }) {
  const active =
    (state.category ? 1 : 0) +
    (state.minPrice !== undefined || state.maxPrice !== undefined ? 1 : 0) +
    (state.minRating !== undefined ? 1 : 0) +
    (state.inStock ? 1 : 0) +
    SEARCH_VALUE_FILTERS.reduce((n, key) => n + (state[key]?.length ?? 0), 0);
  return (
    <aside className="facets" aria-label="Filters">
      <details className="filters">
        <summary>Filters{active > 0 ? <span> ({active} active)</span> : null}</summary>
        <h2>Category</h2>
        <ul>
          {facets.category.map((c) => {
            const active = state.category === c.slug;
            return (
              <FacetLink key={c.slug} href={searchHref(state, { category: active ? undefined : c.slug })} active={active} label={c.name} count={c.count} />
            );
          })}
        </ul>
        <h2>Price</h2>
        <ul>
          {facets.price.map((b) => {
            const active = state.minPrice === b.min && state.maxPrice === (b.max ?? undefined);
            const href = searchHref(state, active ? { minPrice: undefined, maxPrice: undefined } : { minPrice: b.min, maxPrice: b.max ?? undefined });
            return <FacetLink key={b.id} href={href} active={active} label={b.label} count={b.count} />;
          })}
        </ul>
        <h2>Rating</h2>
        <ul>
          {facets.rating.map((r) => {
            const active = state.minRating === r.min;
            return <FacetLink key={r.id} href={searchHref(state, { minRating: active ? undefined : r.min })} active={active} label={r.label} count={r.count} />;
          })}
        </ul>
        {SEARCH_VALUE_FILTERS.map((key) => {
          const values = offered(facets[key], state[key]);
          if (values.length === 0) return null;
          return (
            // biome-ignore lint/a11y/useSemanticElements: links, not form controls, so no <fieldset>; the group takes its heading's name
            <div key={key} role="group" aria-labelledby={`facet-${key}`}>
              <h2 id={`facet-${key}`}>{VALUE_LEGENDS[key]}</h2>
              <CappedFacet
                values={values}
                chosen={state[key]}
                noun={VALUE_NOUNS[key]}
                list
                render={(f) => (
                  <FacetLink
                    key={f.value}
                    href={searchHref(state, toggleValue(state, key, f.value))}
                    active={state[key]?.includes(f.value) ?? false}
                    label={f.value}
                    count={f.count}
                  />
                )}
              />
            </div>
          );
        })}
        <h2>Availability</h2>
        <ul>
          <FacetLink href={searchHref(state, { inStock: !state.inStock })} active={Boolean(state.inStock)} label="In stock only" count={facets.inStock.count} />
        </ul>
      </details>
    </aside>
  );
}
