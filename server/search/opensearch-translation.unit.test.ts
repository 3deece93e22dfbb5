import { describe, expect, it } from 'vitest';
import type { ProductRecord } from '../catalog/contract';
import type { SearchParams, SearchSort } from './contract';
import { filterAndCountFacets, PRICE_BANDS, RATING_THRESHOLDS } from './facet-counts';
import { bulkOperations } from './opensearch-adapter';
import { BOOSTED_FIELDS, type OpenSearchProduct, PRODUCT_INDEX_BODY, toOpenSearchProduct } from './opensearch-document';
import { buildSearchBody, sortClause } from './opensearch-request';
import { type OpenSearchSearchResponse, toSearchResult } from './opensearch-response';
import { ProductSearchIndex } from './product-search-index';
import { planSearch } from './run-search';
import { decodeSearchCursor } from './search-cursor';
import { toSearchEntry } from './search-document';
import { FIXTURE_CATEGORIES, fixtureProducts, productRecord } from './testing/product-fixtures';

// The OpenSearch engine's translation (ADR 0028), without a cluster: the _search body built from a SearchParams,
// and a _search answer mapped back to a SearchResult. The filter and facet clauses are also evaluated here over the
// fixture products by a small interpreter of the clause kinds they use (bool.filter, term, terms, range, match_all),
// and must count what the embedded engine counts. Text scoring is OpenSearch's own and is not imitated here.

type Clause = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: a request body read back by path in assertions; each path is asserted by value
type Body = Record<string, any>;

const records = fixtureProducts();
const nameOf = (slug: string) => FIXTURE_CATEGORIES.find((c) => c.slug === slug)?.name ?? slug;
const docs: OpenSearchProduct[] = records.map((r) => toOpenSearchProduct(r, nameOf(r.category)));

const body = (params: Partial<SearchParams>, relaxed = false): Body => buildSearchBody(planSearch({ q: '', ...params }), { relaxed });

/** Whether a document passes a filter clause of the kinds buildSearchBody writes. */
function passes(doc: OpenSearchProduct, clause: Clause): boolean {
  const [kind, arg] = Object.entries(clause)[0] as [string, Body];
  switch (kind) {
    case 'match_all':
      return true;
    case 'bool':
      expect(Object.keys(arg)).toEqual(['filter']);
      return (arg.filter as Clause[]).every((c) => passes(doc, c));
    case 'term': {
      const [field, value] = Object.entries(arg)[0] as [keyof OpenSearchProduct, unknown];
      return doc[field] === value;
    }
    case 'terms': {
      const [field, values] = Object.entries(arg)[0] as [keyof OpenSearchProduct, unknown[]];
      const v = doc[field];
      return Array.isArray(v) ? v.some((x) => values.includes(x)) : values.includes(v);
    }
    case 'range': {
      const [field, bounds] = Object.entries(arg)[0] as [keyof OpenSearchProduct, { gte?: number; lte?: number; lt?: number }];
      const v = doc[field] as number;
      return (bounds.gte === undefined || v >= bounds.gte) && (bounds.lte === undefined || v <= bounds.lte) && (bounds.lt === undefined || v < bounds.lt);
    }
    default:
      throw new Error(`clause kind the interpreter does not know: ${kind}`);
  }
}

/** The facets as OpenSearch would count them from the body's aggregations, over docs (all text-matched). */
function interpretFacets(b: Body, matched: OpenSearchProduct[]) {
  const a = b.aggs;
  const inCategoryFacet = matched.filter((d) => passes(d, a.facet_category.filter));
  const categoryCounts = new Map<string, number>();
  for (const d of inCategoryFacet) categoryCounts.set(d.category, (categoryCounts.get(d.category) ?? 0) + 1);
  const inPriceFacet = matched.filter((d) => passes(d, a.facet_price.filter));
  const ranges = a.facet_price.aggs.bands.range.ranges as { key: string; from: number; to?: number }[];
  const inRatingFacet = matched.filter((d) => passes(d, a.facet_rating.filter));
  const thresholds = a.facet_rating.aggs.thresholds.filters.filters as Record<string, Clause>;
  return {
    hits: matched.filter((d) => passes(d, b.post_filter)).map((d) => d.id),
    category: [...categoryCounts].map(([slug, count]) => ({ slug, count })).sort((x, y) => x.slug.localeCompare(y.slug)),
    price: ranges.map((r) => ({ id: r.key, count: inPriceFacet.filter((d) => d.price >= r.from && (r.to === undefined || d.price < r.to)).length })),
    rating: Object.entries(thresholds).map(([id, c]) => ({ id, count: inRatingFacet.filter((d) => passes(d, c)).length })),
    inStock: matched.filter((d) => passes(d, a.facet_in_stock.filter)).length,
    brand: valueCounts(
      matched.filter((d) => passes(d, a.facet_brand.filter)),
      a.facet_brand.aggs.values.terms.field,
    ),
    size: valueCounts(
      matched.filter((d) => passes(d, a.facet_size.filter)),
      a.facet_size.aggs.values.terms.field,
    ),
    colour: valueCounts(
      matched.filter((d) => passes(d, a.facet_colour.filter)),
      a.facet_colour.aggs.values.terms.field,
    ),
  };
}

/** A terms aggregation over docs (one bucket per value, a multi-valued field counted once per value), sorted by value. */
function valueCounts(docsIn: OpenSearchProduct[], field: keyof OpenSearchProduct): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of docsIn) {
    const v = d[field];
    for (const value of new Set(Array.isArray(v) ? v : [v])) if (value !== '') counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((x, y) => x.value.localeCompare(y.value));
}

describe('the OpenSearch document', () => {
  it('carries the fields the embedded entry filters, counts and sorts on, with the same values', () => {
    const record = records[0]!;
    const doc = toOpenSearchProduct(record, 'Audio');
    const entry = toSearchEntry(record);
    expect(doc).toMatchObject({ id: entry.id, category: entry.category, categoryLabel: 'Audio', price: entry.price, rating: entry.rating });
    expect(doc).toMatchObject({ ratingSort: entry.ratingSort, inStock: entry.inStock, createdAt: entry.createdAt, featuredRank: entry.featuredRank });
    expect(doc.summary).toEqual(entry.summary);
  });

  it('maps every document field, and no field the document lacks (the mapping is strict)', () => {
    const twoColours = records.find((r) => r.id === 'wireless-headphones')!;
    const withColourImages = toOpenSearchProduct({ ...twoColours, images: ['/black.png'], imagesByColour: { Silver: ['/silver.png'] } }, 'Audio');
    expect(withColourImages.colourImages).toEqual({ Black: '/black.png', Silver: '/silver.png' });
    const fields = new Set([...docs, withColourImages].flatMap((d) => Object.keys(d)));
    expect(Object.keys(PRODUCT_INDEX_BODY.mappings.properties).sort()).toEqual([...fields].sort());
  });

  it('carries the brand, sizes and colours as exact values', () => {
    const doc = docs.find((d) => d.colours.length > 1 && d.sizes.length > 0)!;
    const entry = toSearchEntry(records.find((r) => r.id === doc.id)!);
    expect(doc).toMatchObject({ brandValue: entry.brand, sizes: entry.sizes, colours: entry.colours });
  });

  it('boosts the fields as the embedded engine does', () => {
    expect(BOOSTED_FIELDS).toEqual(['name^5', 'brand^3', 'categoryName^2.5', 'tags^2', 'options^1.5', 'description^0.4']);
  });
});

describe('a SearchParams as a _search body', () => {
  it('browses with match_all, pages with from/size and asks for the exact total and only the summary', () => {
    const b = body({ category: 'audio', sort: 'price-asc', page: 3, limit: 10 });
    expect(b.query).toEqual({ match_all: {} });
    expect(b.from).toBe(20);
    expect(b.size).toBe(10);
    expect(b.track_total_hits).toBe(true);
    expect(b._source).toEqual(['summary', 'colours', 'colourImages']);
    expect(b.suggest).toBeUndefined();
  });

  it('requires both of two words, all but one of three or more, and any one when relaxed', () => {
    expect(body({ q: 'wireless headphones' }).query.bool.minimum_should_match).toBe(2);
    expect(body({ q: 'black wireless studio headphones' }).query.bool.minimum_should_match).toBe(3);
    expect(body({ q: 'black wireless studio headphones' }, true).query.bool.minimum_should_match).toBe(1);
    // Stop words are dropped as the embedded engine drops them ("for").
    expect(body({ q: 'shoes for running' }).query.bool.should).toHaveLength(2);
  });

  it('gives each word the embedded typo budget and only the last word a prefix match', () => {
    const should = body({ q: 'red hedphones' }).query.bool.should as Body[];
    // "red": shorter than four letters, exact; not last, so no prefix.
    expect(should[0]).toEqual({ multi_match: { query: 'red', fields: BOOSTED_FIELDS } });
    // "hedphones": two edits (fuzzyDistance), transpositions counted as one edit, and a prefix match.
    expect(should[1]!.bool.should[0].multi_match).toMatchObject({ query: 'hedphones', fuzziness: 2, fuzzy_transpositions: true });
    expect(should[1]!.bool.should[1].multi_match).toMatchObject({ query: 'hedphones', type: 'phrase_prefix' });
  });

  it('lowers case and folds accents in the query as in the index', () => {
    expect(body({ q: 'Café' }).query.bool.should[0].bool.should[0].multi_match.query).toBe('cafe');
  });

  it('puts every filter in post_filter and leaves each facet’s own filter out of its aggregation', () => {
    const b = body({ category: 'audio', minPrice: 5_000, maxPrice: 9_999, minRating: 4, inStock: true });
    const category = { term: { category: 'audio' } };
    const price = { range: { price: { gte: 5_000, lte: 9_999 } } };
    const rating = { range: { rating: { gte: 4 } } };
    const stock = { term: { inStock: true } };
    expect(b.post_filter).toEqual({ bool: { filter: [category, price, rating, stock] } });
    expect(b.aggs.facet_category.filter).toEqual({ bool: { filter: [price, rating, stock] } });
    expect(b.aggs.facet_price.filter).toEqual({ bool: { filter: [category, rating, stock] } });
    expect(b.aggs.facet_rating.filter).toEqual({ bool: { filter: [category, price, stock] } });
    expect(b.aggs.facet_in_stock.filter).toEqual({ bool: { filter: [category, price, rating, stock] } });
  });

  it('filters brand, size and colour as any of the chosen values, each facet leaving its own out', () => {
    const b = body({ category: 'shoes', brand: ['Stride'], size: ['9', '10'], colour: ['Red'] });
    const category = { term: { category: 'shoes' } };
    const brand = { terms: { brandValue: ['Stride'] } };
    const size = { terms: { sizes: ['10', '9'] } };
    const colour = { terms: { colours: ['Red'] } };
    expect(b.post_filter).toEqual({ bool: { filter: [category, brand, size, colour] } });
    expect(b.aggs.facet_brand.filter).toEqual({ bool: { filter: [category, size, colour] } });
    expect(b.aggs.facet_size.filter).toEqual({ bool: { filter: [category, brand, colour] } });
    expect(b.aggs.facet_colour.filter).toEqual({ bool: { filter: [category, brand, size] } });
    expect(b.aggs.facet_category.filter).toEqual({ bool: { filter: [brand, size, colour] } });
  });

  it('writes the price bands with OpenSearch’s exclusive upper bound', () => {
    const ranges = body({}).aggs.facet_price.aggs.bands.range.ranges;
    expect(ranges).toEqual(
      PRICE_BANDS.map((band) => (band.max === null ? { key: band.id, from: band.min } : { key: band.id, from: band.min, to: band.max + 1 })),
    );
  });

  it('orders as sort-orders.ts does, ending in the product id', () => {
    const cases: [SearchSort, boolean, unknown[]][] = [
      ['relevance', true, [{ featuredRank: 'asc' }, { id: 'asc' }]],
      ['relevance', false, [{ _score: 'desc' }, { featuredRank: 'asc' }, { id: 'asc' }]],
      ['price-asc', true, [{ price: 'asc' }, { featuredRank: 'asc' }, { id: 'asc' }]],
      ['price-desc', false, [{ price: 'desc' }, { _score: 'desc' }, { featuredRank: 'asc' }, { id: 'asc' }]],
      ['rating', true, [{ ratingSort: 'desc' }, { featuredRank: 'asc' }, { id: 'asc' }]],
      ['newest', true, [{ createdAt: 'desc' }, { featuredRank: 'asc' }, { id: 'asc' }]],
    ];
    for (const [sort, browsing, expected] of cases) expect(sortClause(sort, browsing), `${sort} browsing=${browsing}`).toEqual(expected);
  });

  it('asks the term suggester for corrections only when there are words', () => {
    expect(body({ q: 'hedphnes' }).suggest).toEqual({
      text: 'hedphnes',
      did_you_mean: { term: { field: 'name', suggest_mode: 'missing', sort: 'score', size: 1 } },
    });
  });

  it('refuses bad parameters before any request, as the embedded engine does', () => {
    expect(() => body({ minPrice: 10, maxPrice: 5 })).toThrow(/minPrice/);
    expect(() => body({ limit: 500 })).toThrow(/limit/);
  });
});

describe('the filter and facet clauses, evaluated over the fixture products', () => {
  const index = new ProductSearchIndex(FIXTURE_CATEGORIES);
  for (const r of records) index.upsert(r);
  const cases: Partial<SearchParams>[] = [
    {},
    { category: 'audio' },
    { minPrice: 5_000, maxPrice: 9_999 },
    { minRating: 4, inStock: true },
    { category: 'shoes', minPrice: 2_500, maxPrice: 4_999, minRating: 3, inStock: true },
    { maxPrice: 2_499 },
    { minPrice: 20_000 },
    { colour: ['Black'] },
    { size: ['S', '10'], inStock: true },
    { brand: ['Sonora'], colour: ['Black', 'Silver'] },
    { category: 'shoes', colour: ['Red', 'White'], size: ['10'] },
  ];
  for (const params of cases) {
    it(`count what the embedded engine counts for ${JSON.stringify(params)}`, () => {
      const b = body(params);
      const os = interpretFacets(b, docs);
      const plan = planSearch({ q: '', ...params });
      const embedded = filterAndCountFacets(index.browse('relevance'), plan.filters, (s) => index.categoryName(s));
      expect(new Set(os.hits)).toEqual(new Set(embedded.hits.map((h) => h.entry.id)));
      expect(os.category).toEqual(embedded.facets.category.map(({ slug, count }) => ({ slug, count })).sort((x, y) => x.slug.localeCompare(y.slug)));
      expect(os.price).toEqual(embedded.facets.price.map(({ id, count }) => ({ id, count })));
      expect(os.rating).toEqual(embedded.facets.rating.map(({ id, count }) => ({ id, count })));
      expect(os.inStock).toBe(embedded.facets.inStock.count);
      const byValue = (facets: { value: string; count: number }[] | undefined) => [...(facets ?? [])].sort((x, y) => x.value.localeCompare(y.value));
      expect(os.brand).toEqual(byValue(embedded.facets.brand));
      expect(os.size).toEqual(byValue(embedded.facets.size));
      expect(os.colour).toEqual(byValue(embedded.facets.colour));
    });
  }
});

describe('a _search answer as a SearchResult', () => {
  const summaries = docs.slice(0, 3).map((d) => d.summary);
  const answer = (over: Partial<OpenSearchSearchResponse> = {}): OpenSearchSearchResponse => ({
    hits: { total: { value: 7 }, hits: summaries.map((s) => ({ _id: s.id, _source: { summary: s } })) },
    aggregations: {
      matched: { doc_count: 9 },
      facet_category: {
        values: {
          buckets: [
            { key: 'shoes', doc_count: 3, label: { buckets: [{ key: 'Shoes' }] } },
            { key: 'audio', doc_count: 3, label: { buckets: [{ key: 'Audio' }] } },
            { key: 'trail-running', doc_count: 5, label: { buckets: [] } },
          ],
        },
      },
      facet_price: { bands: { buckets: { 'under-25': { doc_count: 2 }, '25-50': { doc_count: 1 }, '200-plus': { doc_count: 4 } } } },
      facet_rating: { thresholds: { buckets: { '4-up': { doc_count: 5 }, '3-up': { doc_count: 6 }, '2-up': { doc_count: 7 } } } },
      facet_in_stock: { doc_count: 6 },
      popular: { values: { buckets: [{ key: 'audio', doc_count: 40, label: { buckets: [{ key: 'Audio' }] } }] } },
    },
    ...over,
  });

  it('answers the stored summaries in order, the total, and the facets in the embedded engine’s order and shape', () => {
    const plan = planSearch({ q: 'shoes', limit: 3 });
    const result = toSearchResult(plan, answer());
    expect(result.items).toEqual(summaries);
    expect(result.total).toBe(7);
    // Count first, then name; a category without a label is named from its slug.
    expect(result.facets.category).toEqual([
      { slug: 'trail-running', name: 'Trail Running', count: 5 },
      { slug: 'audio', name: 'Audio', count: 3 },
      { slug: 'shoes', name: 'Shoes', count: 3 },
    ]);
    expect(result.facets.price.map((p) => [p.id, p.count])).toEqual([
      ['under-25', 2],
      ['25-50', 1],
      ['50-100', 0],
      ['100-200', 0],
      ['200-plus', 4],
    ]);
    expect(result.facets.rating.map((r) => [r.id, r.count])).toEqual(RATING_THRESHOLDS.map((t) => [t.id, { '4-up': 5, '3-up': 6, '2-up': 7 }[t.id]]));
    expect(result.facets.inStock).toEqual({ count: 6 });
    expect(result.suggestions).toBeUndefined();
  });

  it('lists brands, sizes and colours in the embedded order without empty values, and shows a card in the chosen colour', () => {
    const summary = summaries[0]!;
    const plan = planSearch({ q: '', colour: ['Silver'] });
    const result = toSearchResult(
      plan,
      answer({
        hits: {
          total: 1,
          hits: [{ _id: summary.id, _source: { summary, colours: ['Black', 'Silver'], colourImages: { Black: '/b.png', Silver: '/s.png' } } }],
        },
        aggregations: {
          ...answer().aggregations,
          facet_brand: {
            values: {
              buckets: [
                { key: 'Zed', doc_count: 1 },
                { key: '', doc_count: 4 },
                { key: 'Acme', doc_count: 2 },
              ],
            },
          },
          facet_size: {
            values: {
              buckets: [
                { key: '10', doc_count: 1 },
                { key: 'XL', doc_count: 2 },
                { key: 'S', doc_count: 3 },
                { key: '9', doc_count: 1 },
              ],
            },
          },
          facet_colour: {
            values: {
              buckets: [
                { key: 'Silver', doc_count: 1 },
                { key: 'Black', doc_count: 1 },
              ],
            },
          },
        },
      }),
    );
    expect(result.items[0]!.image).toBe('/s.png');
    expect(result.facets.brand).toEqual([
      { value: 'Acme', count: 2 },
      { value: 'Zed', count: 1 },
    ]);
    expect(result.facets.size!.map((f) => f.value)).toEqual(['S', 'XL', '9', '10']);
    expect(result.facets.colour!.map((f) => f.value)).toEqual(['Black', 'Silver']);
  });

  it('gives a cursor to the next offset of the same search, and none on the last page', () => {
    const plan = planSearch({ q: 'shoes', limit: 3 });
    const first = toSearchResult(plan, answer());
    expect(decodeSearchCursor(first.nextCursor!, plan.fingerprint)).toBe(3);
    const second = planSearch({ q: 'shoes', limit: 3, cursor: first.nextCursor! });
    expect(second.offset).toBe(3);
    const last = planSearch({ q: 'shoes', limit: 3, page: 3 });
    expect(toSearchResult(last, answer({ hits: { total: { value: 7 }, hits: [{ _id: 'x', _source: { summary: summaries[0]! } }] } })).nextCursor).toBeNull();
  });

  it('reads a bare number total too', () => {
    expect(toSearchResult(planSearch({ q: '' }), answer({ hits: { total: 3, hits: [] } })).total).toBe(3);
  });

  it('offers corrections and popular categories when the words matched nothing', () => {
    const plan = planSearch({ q: 'hedphnes wireles' });
    const empty = answer({
      hits: { total: { value: 0 }, hits: [] },
      suggest: {
        did_you_mean: [
          { text: 'hedphnes', options: [{ text: 'headphones' }] },
          { text: 'wireles', options: [{ text: 'wireless' }] },
        ],
      },
    });
    empty.aggregations!.matched = { doc_count: 0 };
    const result = toSearchResult(plan, empty);
    expect(result.suggestions).toEqual({ didYouMean: ['headphones wireless'], popularCategories: [{ slug: 'audio', name: 'Audio', count: 40 }] });
  });

  it('offers no correction when only the filters emptied the page', () => {
    const plan = planSearch({ q: 'headphones', minPrice: 900_000 });
    const result = toSearchResult(plan, answer({ hits: { total: { value: 0 }, hits: [] }, suggest: { did_you_mean: [{ text: 'headphones', options: [] }] } }));
    expect(result.suggestions?.didYouMean).toEqual([]);
  });
});

describe('product changes as _bulk operations', () => {
  it('indexes a published product by id, and deletes a removed or unpublished one', () => {
    const published = records[0]!;
    const hidden: ProductRecord = { ...productRecord({ id: 'hidden-one', name: 'Hidden', category: 'audio' }), published: false };
    const ops = bulkOperations(
      'products',
      [
        { type: 'upsert', record: published },
        { type: 'upsert', record: hidden },
        { type: 'remove', id: 'gone-one' },
      ],
      nameOf,
    );
    expect(ops).toEqual([
      { index: { _index: 'products', _id: published.id } },
      toOpenSearchProduct(published, nameOf(published.category)),
      { delete: { _index: 'products', _id: 'hidden-one' } },
      { delete: { _index: 'products', _id: 'gone-one' } },
    ]);
  });
});
