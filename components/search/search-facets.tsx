import { CappedFacet } from '@/components/catalog/capped-facet';
import { offered, VALUE_LEGENDS, VALUE_NOUNS } from '@/components/catalog/category-filters';
import { IntentLink } from '@/components/layout/intent-link';
import type { SearchFacets } from '@/server/search/contract';
import { SEARCH_VALUE_FILTERS, type SearchState, searchHref, toggleValue } from './search-url';

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
              <li key={c.slug}>
                <IntentLink href={searchHref(state, { category: active ? undefined : c.slug })} aria-current={active ? 'true' : undefined}>
                  <span>{c.name}</span> <span>{c.count}</span>
                </IntentLink>
              </li>
            );
          })}
        </ul>
        <h2>Price</h2>
        <ul>
          {facets.price.map((b) => {
            const active = state.minPrice === b.min && state.maxPrice === (b.max ?? undefined);
            return (
              <li key={b.id}>
                <IntentLink
                  href={searchHref(state, active ? { minPrice: undefined, maxPrice: undefined } : { minPrice: b.min, maxPrice: b.max ?? undefined })}
                  aria-current={active ? 'true' : undefined}
                >
                  <span>{b.label}</span> <span>{b.count}</span>
                </IntentLink>
              </li>
            );
          })}
        </ul>
        <h2>Rating</h2>
        <ul>
          {facets.rating.map((r) => {
            const active = state.minRating === r.min;
            return (
              <li key={r.id}>
                <IntentLink href={searchHref(state, { minRating: active ? undefined : r.min })} aria-current={active ? 'true' : undefined}>
                  <span>{r.label}</span> <span>{r.count}</span>
                </IntentLink>
              </li>
            );
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
                render={(f) => {
                  const active = state[key]?.includes(f.value) ?? false;
                  return (
                    <li key={f.value}>
                      <IntentLink href={searchHref(state, toggleValue(state, key, f.value))} aria-current={active ? 'true' : undefined}>
                        <span>{f.value}</span> <span>{f.count}</span>
                      </IntentLink>
                    </li>
                  );
                }}
              />
            </div>
          );
        })}
        <h2>Availability</h2>
        <ul>
          <li>
            <IntentLink href={searchHref(state, { inStock: !state.inStock })} aria-current={state.inStock ? 'true' : undefined}>
              <span>In stock only</span> <span>{facets.inStock.count}</span>
            </IntentLink>
          </li>
        </ul>
      </details>
    </aside>
  );
}
