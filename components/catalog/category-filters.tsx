import type { SearchFacets, ValueFacet } from '@/server/search/contract';
import { CappedFacet } from './capped-facet';
import { type CategoryState, categoryHref, VALUE_FILTERS } from './category-url';
import { type FilterChip, FilterChips } from './filter-chips';

export const VALUE_LEGENDS = { brand: 'Brand', size: 'Size', colour: 'Colour' } as const;
/** The same, plural: "Show all 14 brands". */
export const VALUE_NOUNS = { brand: 'brands', size: 'sizes', colour: 'colours' } as const;

/**
 * The brand, size and colour choices worth offering: a list with fewer than two values cannot narrow anything (a
 * category of books has no sizes), unless one of them is ticked, which must stay in view to be unticked.
 */
export function offered(values: ValueFacet[] | undefined, chosen: readonly string[] | undefined): ValueFacet[] {
  const list = values ?? [];
  const ticked = (chosen ?? []).filter((v) => !list.some((f) => f.value === v)).map((value) => ({ value, count: 0 }));
  const all = [...list, ...ticked];
  return all.length >= 2 || (chosen?.length ?? 0) > 0 ? all : [];
}

/**
 * A category's filters as a plain GET form (works before hydration, ships no JavaScript), with the search's
 * disjunctive counts beside each choice. Inside a <details> "Filters" so on a phone they do not fill the first
 * screen; from 860px wide the CSS shows them open beside the grid (app/globals.css `.filters`).
 */
export function CategoryFilters({ action, facets, state }: { action: string; facets: SearchFacets; state: CategoryState }) {
  const active = activeFilterCount(state);
  return (
    <details className="filters">
      <summary>Filters{active > 0 ? <span> ({active} active)</span> : null}</summary>
      <form action={action} method="get" className="filters__form" aria-label="Filter products">
        {state.sort && state.sort !== 'featured' ? <input type="hidden" name="sort" value={state.sort} /> : null}
        <fieldset>
          <legend>Price</legend>
          <label>
            <input type="radio" name="price" value="" defaultChecked={!state.price} /> Any price
          </label>
          {facets.price.map((b) => (
            <label key={b.id}>
              <input type="radio" name="price" value={b.id} defaultChecked={state.price === b.id} /> {b.label}{' '}
              <span className="filters__count">({b.count})</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Rating</legend>
          <label>
            <input type="radio" name="minRating" value="" defaultChecked={state.minRating === undefined} /> Any rating
          </label>
          {facets.rating.map((r) => (
            <label key={r.id}>
              <input type="radio" name="minRating" value={r.min} defaultChecked={state.minRating === r.min} /> {r.label}{' '}
              <span className="filters__count">({r.count})</span>
            </label>
          ))}
        </fieldset>
        {VALUE_FILTERS.map((key) => {
          const values = offered(facets[key], state[key]);
          if (values.length === 0) return null;
          return (
            <fieldset key={key} className={`filters__values filters__values--${key}`}>
              <legend>{VALUE_LEGENDS[key]}</legend>
              <CappedFacet
                values={values}
                chosen={state[key]}
                noun={VALUE_NOUNS[key]}
                list={false}
                render={(f) => (
                  <label key={f.value}>
                    <input type="checkbox" name={key} value={f.value} defaultChecked={state[key]?.includes(f.value) ?? false} /> <span>{f.value}</span>{' '}
                    <span className="filters__count">({f.count})</span>
                  </label>
                )}
              />
            </fieldset>
          );
        })}
        <fieldset>
          <legend>Availability</legend>
          <label>
            <input type="checkbox" name="inStock" value="true" defaultChecked={state.inStock === true} /> In stock only{' '}
            <span className="filters__count">({facets.inStock.count})</span>
          </label>
        </fieldset>
        <button type="submit" className="button">
          Apply filters
        </button>
      </form>
    </details>
  );
}

function activeFilterCount(state: CategoryState): number {
  const values = VALUE_FILTERS.reduce((n, key) => n + (state[key]?.length ?? 0), 0);
  return (state.price ? 1 : 0) + (state.minRating !== undefined ? 1 : 0) + (state.inStock ? 1 : 0) + values;
}

/** The filters in force as removable chips, and "Clear all": each a link, so removing one is one step back to fewer. */
export function ActiveFilters({ base, facets, state }: { base: string; facets: SearchFacets; state: CategoryState }) {
  const chips: FilterChip[] = [];
  const keep = { ...state, page: 1 };
  if (state.price) {
    chips.push({ label: facets.price.find((b) => b.id === state.price)?.label ?? 'Price', href: categoryHref(base, keep, { price: undefined }) });
  }
  if (state.minRating !== undefined) {
    const label = facets.rating.find((r) => r.min === state.minRating)?.label ?? `${state.minRating} stars & up`;
    chips.push({ label, href: categoryHref(base, keep, { minRating: undefined }) });
  }
  if (state.inStock) chips.push({ label: 'In stock only', href: categoryHref(base, keep, { inStock: undefined }) });
  for (const key of VALUE_FILTERS) {
    for (const value of state[key] ?? []) {
      chips.push({ label: `${VALUE_LEGENDS[key]}: ${value}`, href: categoryHref(base, keep, { [key]: state[key]?.filter((v) => v !== value) }) });
    }
  }
  return <FilterChips chips={chips} clearHref={categoryHref(base, { sort: state.sort, page: 1 })} />;
}
