import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/catalog/pager';
import { ProductGrid } from '@/components/catalog/product-grid';
import { SortForm } from '@/components/catalog/sort-form';
import { SITE_SEARCH_INPUT_ID } from '@/components/layout/site-header';
import { SearchActiveFilters } from '@/components/search/search-active-filters';
import { SearchAgainForm } from '@/components/search/search-again-form';
import { SearchBoxValue } from '@/components/search/search-box-value';
import { SearchFacetsPanel } from '@/components/search/search-facets';
import { type SearchState, searchHref } from '@/components/search/search-url';
import { trackAnalytics } from '@/server/analytics';
import { isAppError } from '@/server/platform/errors';
import { SEARCH_DEFAULT_LIMIT, SEARCH_LIST_PARAMS, SEARCH_SORTS, type SearchResult, searchedFor, searchPageQuerySchema, searchProducts } from '@/server/search';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q)?.slice(0, 80);
  return {
    title: q ? `Search: ${q}` : 'Search',
    alternates: { canonical: '/search' },
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  // Bad parameters are dropped here where the JSON API answers 400 (server/search/search-query.ts).
  // Brand, size and colour keep every value (one parameter per value); the rest read their first.
  const lists: readonly string[] = SEARCH_LIST_PARAMS;
  const parsed = searchPageQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, lists.includes(k) ? v : first(v)])));
  const { cursor, ...state } = parsed satisfies SearchState & { cursor?: string };

  let result: SearchResult | null = null;
  try {
    result = await searchProducts({ ...state, cursor, limit: SEARCH_DEFAULT_LIMIT });
    if (!cursor) trackAnalytics({ type: 'search', query: state.q, resultCount: result.total });
  } catch (err) {
    if (!(isAppError(err) && err.code === 'INVALID_CURSOR')) throw err;
  }

  // "hedphones" finds headphones through typo tolerance: say which spelling the results are for (issue 27).
  const corrected = result && result.total > 0 && state.q ? await searchedFor(state.q) : null;
  const heading = state.q ? `Results for “${corrected ?? state.q}”` : 'All products';
  return (
    <>
      <SearchBoxValue inputId={SITE_SEARCH_INPUT_ID} q={state.q} />
      <SearchAgainForm q={state.q} />
      <div className="toolbar">
        <div>
          <h1>{heading}</h1>
          {corrected ? (
            <p className="search-correction">
              Showing results for <strong>{corrected}</strong>. You searched for “{state.q}”.
            </p>
          ) : null}
          {result ? (
            <p className="rating" role="status">
              {result.total.toLocaleString('en-US')} {result.total === 1 ? 'product' : 'products'}
            </p>
          ) : null}
        </div>
        <SortForm
          action="/search"
          sorts={SEARCH_SORTS}
          current={state.sort}
          keep={{
            q: state.q,
            category: state.category,
            minPrice: state.minPrice?.toString(),
            maxPrice: state.maxPrice?.toString(),
            minRating: state.minRating?.toString(),
            inStock: state.inStock ? 'true' : undefined,
            brand: state.brand,
            size: state.size,
            colour: state.colour,
          }}
        />
      </div>
      {!result ? (
        <p className="notice">
          This results page link is no longer valid. <a href={searchHref(state)}>Show the first page</a>.
        </p>
      ) : (
        <>
          <SearchActiveFilters facets={result.facets} state={state} />
          <div className="search-layout">
            <SearchFacetsPanel facets={result.facets} state={state} />
            <div>
              {result.items.length > 0 ? (
                <>
                  <ProductGrid products={result.items} label="Search results" priorityCount={cursor ? 0 : 2} />
                  <Pager
                    firstHref={cursor ? searchHref(state) : undefined}
                    nextHref={result.nextCursor ? searchHref(state, {}, result.nextCursor) : undefined}
                  />
                </>
              ) : (
                <section className="notice" aria-labelledby="no-results">
                  <h2 id="no-results">No products match</h2>
                  {result.suggestions?.didYouMean.length ? (
                    <p>
                      Did you mean{' '}
                      {result.suggestions.didYouMean.map((s, i) => (
                        <span key={s}>
                          {i > 0 ? ', ' : ''}
                          <Link href={searchHref({ q: s })}>{s}</Link>
                        </span>
                      ))}
                      ?
                    </p>
                  ) : null}
                  {result.suggestions?.popularCategories.length ? (
                    <p>
                      Or browse{' '}
                      {result.suggestions.popularCategories.map((c, i) => (
                        <span key={c.slug}>
                          {i > 0 ? ', ' : ''}
                          <Link href={`/c/${c.slug}`}>{c.name}</Link>
                        </span>
                      ))}
                      .
                    </p>
                  ) : null}
                </section>
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}
