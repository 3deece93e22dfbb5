import type { SearchSort } from './contract';
import { PRICE_BANDS, RATING_THRESHOLDS, type SearchFilters } from './facet-counts';
import { BOOSTED_FIELDS } from './opensearch-document';
import type { SearchPlan } from './run-search';
import { fuzzyDistance } from './text-matching';

// A SearchPlan (run-search.ts: the same checked, resolved search the embedded engine runs) as one OpenSearch
// _search body. Pure, so the translation is unit-tested without a cluster. What maps to what:
// - Text: each query term matches any text field with its boost (text-matching.ts FIELD_BOOSTS), with the same typo
//   budget as the embedded engine (fuzzyDistance; OpenSearch's fuzzy matching counts a swap of two neighbouring
//   letters as one edit, which the embedded engine adds by hand), the last term also as a prefix (still being
//   typed). One or two terms must all match; from three, one may be missing (product-search-index.ts matchText).
//   `relaxed` asks for any one term: the second try when the strict one finds nothing.
// - Filters: in post_filter, so the aggregations see the text-matched set and each facet is counted with every
//   filter but its own (disjunctive faceting, facet-counts.ts), in the same request. Brand, size and colour are
//   exact values (keyword fields), any one of the chosen values passing.
// - Sorts: sort-orders.ts's orders, ending in the product id so pages never skip or repeat.
// - Paging: from/size at the plan's offset (OpenSearch refuses from + size past its max_result_window, 10,000).

type Clause = Record<string, unknown>;

const TOP_CATEGORIES = 500;
const POPULAR_CATEGORIES = 5;
/** More brands, sizes or colours than any listing shows. */
const TOP_VALUES = 200;

function termQuery(term: string, last: boolean): Clause {
  const distance = fuzzyDistance(term);
  const match: Clause = { multi_match: { query: term, fields: BOOSTED_FIELDS, ...(distance > 0 ? { fuzziness: distance, fuzzy_transpositions: true } : {}) } };
  if (!last) return match;
  // Prefix on the last term only: "head" finds "headphones", but a finished "blue" must not match "bluetooth".
  return { bool: { should: [match, { multi_match: { query: term, fields: BOOSTED_FIELDS, type: 'phrase_prefix' } }], minimum_should_match: 1 } };
}

export function textClause(text: string, relaxed = false): Clause {
  const terms = text.split(' ').filter(Boolean);
  if (terms.length === 0) return { match_all: {} };
  const required = relaxed ? 1 : terms.length <= 2 ? terms.length : terms.length - 1;
  return { bool: { should: terms.map((t, i) => termQuery(t, i === terms.length - 1)), minimum_should_match: required } };
}

type FilterName = 'category' | 'price' | 'rating' | 'stock' | 'brand' | 'size' | 'colour';

/** Any of the values, or no clause when none is chosen (facet-counts.ts: an empty list does not filter). */
const anyOf = (field: string, values: readonly string[] | undefined): Clause | null => (values?.length ? { terms: { [field]: [...values] } } : null);

/** Each filter as its own clause, so a facet can leave its own out. */
function filterClauses(filters: SearchFilters): Record<FilterName, Clause | null> {
  const { category, minPrice, maxPrice, minRating, inStock } = filters;
  return {
    category: category === undefined ? null : { term: { category } },
    price:
      minPrice === undefined && maxPrice === undefined
        ? null
        : { range: { price: { ...(minPrice === undefined ? {} : { gte: minPrice }), ...(maxPrice === undefined ? {} : { lte: maxPrice }) } } },
    rating: minRating === undefined ? null : { range: { rating: { gte: minRating } } },
    stock: inStock === true ? { term: { inStock: true } } : null,
    brand: anyOf('brandValue', filters.brand),
    size: anyOf('sizes', filters.size),
    colour: anyOf('colours', filters.colour),
  };
}

/** Every filter's clause but the named ones': a facet's counts leave its own filter out. */
function clausesBut(f: Record<FilterName, Clause | null>, ...left: FilterName[]): (Clause | null)[] {
  return (Object.keys(f) as FilterName[]).filter((name) => !left.includes(name)).map((name) => f[name]);
}
const allBut = (f: Record<FilterName, Clause | null>, ...left: FilterName[]): Clause => all(...clausesBut(f, ...left));

const all = (...clauses: (Clause | null)[]): Clause => ({ bool: { filter: clauses.filter((c): c is Clause => c !== null) } });

const categoryTerms = (size: number): Clause => ({
  terms: { field: 'category', size },
  aggs: { label: { terms: { field: 'categoryLabel', size: 1 } } },
});

export function sortClause(sort: SearchSort, browsing: boolean): Clause[] {
  const tieBreak: Clause[] = [...(browsing ? [] : [{ _score: 'desc' }]), { featuredRank: 'asc' }, { id: 'asc' }];
  switch (sort) {
    case 'relevance':
      return tieBreak;
    case 'price-asc':
      return [{ price: 'asc' }, ...tieBreak];
    case 'price-desc':
      return [{ price: 'desc' }, ...tieBreak];
    case 'rating':
      return [{ ratingSort: 'desc' }, ...tieBreak];
    case 'newest':
      return [{ createdAt: 'desc' }, ...tieBreak];
  }
}

export function buildSearchBody(plan: SearchPlan, options: { relaxed?: boolean } = {}): Clause {
  const f = filterClauses(plan.filters);
  const body: Clause = {
    query: plan.browsing ? { match_all: {} } : textClause(plan.text, options.relaxed),
    post_filter: allBut(f),
    sort: sortClause(plan.sort, plan.browsing),
    from: plan.offset,
    size: plan.limit,
    track_total_hits: true,
    _source: ['summary', 'colours', 'colourImages'],
    aggs: {
      // How many products the words matched before any filter: did-you-mean only helps when that is none.
      matched: { filter: { match_all: {} } },
      facet_category: { filter: allBut(f, 'category'), aggs: { values: categoryTerms(TOP_CATEGORIES) } },
      facet_price: {
        filter: allBut(f, 'price'),
        aggs: {
          bands: {
            range: {
              field: 'price',
              keyed: true,
              // `to` is exclusive in OpenSearch; a band's max is inclusive (facet-counts.ts).
              ranges: PRICE_BANDS.map((b) => ({ key: b.id, from: b.min, ...(b.max === null ? {} : { to: b.max + 1 }) })),
            },
          },
        },
      },
      facet_rating: {
        filter: allBut(f, 'rating'),
        aggs: { thresholds: { filters: { filters: Object.fromEntries(RATING_THRESHOLDS.map((t) => [t.id, { range: { rating: { gte: t.min } } }])) } } },
      },
      facet_in_stock: { filter: all(...clausesBut(f, 'stock'), { term: { inStock: true } }) },
      facet_brand: { filter: allBut(f, 'brand'), aggs: { values: { terms: { field: 'brandValue', size: TOP_VALUES } } } },
      facet_size: { filter: allBut(f, 'size'), aggs: { values: { terms: { field: 'sizes', size: TOP_VALUES } } } },
      facet_colour: { filter: allBut(f, 'colour'), aggs: { values: { terms: { field: 'colours', size: TOP_VALUES } } } },
      // The biggest categories of the whole catalog, for an empty answer (run-search.ts popularCategories).
      popular: { global: {}, aggs: { values: categoryTerms(POPULAR_CATEGORIES) } },
    },
  };
  if (!plan.browsing) {
    // Corrections from the index's own words (term suggester), for when nothing matched.
    body.suggest = {
      text: plan.text,
      did_you_mean: { term: { field: 'name', suggest_mode: 'missing', sort: 'score', size: 1 } },
    };
  }
  return body;
}
