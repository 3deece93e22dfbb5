import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductRecord } from '../catalog/contract';
import type { SearchParams, SearchResult, SearchSort } from './contract';
import { PRICE_BANDS, RATING_THRESHOLDS } from './facet-counts';
import { ensureOpenSearchIndex, indexAllInOpenSearch, type OpenSearchTarget, openSearchClient, searchOpenSearch } from './opensearch-adapter';
import { ProductSearchIndex } from './product-search-index';
import { runSearch } from './run-search';
import { FIXTURE_CATEGORIES, fixtureProducts } from './testing/product-fixtures';

// The same query, facet and sort cases against both engines behind searchProducts (ADR 0028, docs/search.md):
// the embedded index always, and OpenSearch only when OPENSEARCH_ENDPOINT names a cluster (OPENSEARCH_SERVICE=none
// for a local one with security off; aoss or es signs with the AWS credentials in the environment). Each engine gets
// the fixture catalog; expectations are recounted from the fixture records the slow, obvious way, not taken from
// either engine. Text relevance is each engine's own, so text cases check what must hold for any sensible ranking.

type Engine = (params: SearchParams) => Promise<SearchResult>;

const records = fixtureProducts();
const nameOf = (slug: string) => FIXTURE_CATEGORIES.find((c) => c.slug === slug)!.name;
const inStock = (r: ProductRecord) => r.variants.some((v) => (r.stock[v.id] ?? 0) > 0);

type Filters = Pick<SearchParams, 'category' | 'minPrice' | 'maxPrice' | 'minRating' | 'inStock'>;

function passes(r: ProductRecord, f: Filters, skip?: 'category' | 'price' | 'rating' | 'stock'): boolean {
  return (
    (skip === 'category' || f.category === undefined || r.category === f.category) &&
    (skip === 'price' || ((f.minPrice === undefined || r.minPrice >= f.minPrice) && (f.maxPrice === undefined || r.minPrice <= f.maxPrice))) &&
    (skip === 'rating' || f.minRating === undefined || r.rating >= f.minRating) &&
    (skip === 'stock' || f.inStock !== true || inStock(r))
  );
}

const KEY: Record<Exclude<SearchSort, 'relevance'>, (a: ProductRecord, b: ProductRecord) => number> = {
  'price-asc': (a, b) => a.minPrice - b.minPrice,
  'price-desc': (a, b) => b.minPrice - a.minPrice,
  rating: (a, b) => b.ratingSort - a.ratingSort,
  newest: (a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0),
};
const featured = (a: ProductRecord, b: ProductRecord) => a.featuredRank - b.featuredRank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function expectedBrowse(f: Filters, sort: SearchSort): string[] {
  const key = sort === 'relevance' ? () => 0 : KEY[sort];
  return records
    .filter((r) => passes(r, f))
    .sort((a, b) => key(a, b) || featured(a, b))
    .map((r) => r.id);
}

async function everyId(engine: Engine, params: SearchParams): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 100; n++) {
    const page = await engine({ ...params, cursor });
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

const FILTER_CASES: Filters[] = [
  {},
  { category: 'audio' },
  { minPrice: 5_000, maxPrice: 9_999 },
  { minRating: 4, inStock: true },
  { category: 'shoes', maxPrice: 4_999 },
];
const SORTS: SearchSort[] = ['relevance', 'price-asc', 'price-desc', 'rating', 'newest'];

function engineCases(name: string, engine: () => Engine) {
  describe(`${name}: browsing, filters, facets, sorts and pages`, () => {
    for (const f of FILTER_CASES) {
      for (const sort of SORTS) {
        it(`lists ${JSON.stringify(f)} by ${sort} in the catalogue's order, every product once across pages`, async () => {
          expect(await everyId(engine(), { q: '', ...f, sort, limit: 7 })).toEqual(expectedBrowse(f, sort));
        });
      }
      it(`counts the facets of ${JSON.stringify(f)} with every filter but the facet's own`, async () => {
        const { facets, total } = await engine()({ q: '', ...f });
        expect(total).toBe(records.filter((r) => passes(r, f)).length);
        const slugs = [...new Set(records.filter((r) => passes(r, f, 'category')).map((r) => r.category))];
        expect(facets.category).toEqual(
          slugs
            .map((slug) => ({ slug, name: nameOf(slug), count: records.filter((r) => r.category === slug && passes(r, f, 'category')).length }))
            .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
        );
        expect(facets.price.map((p) => p.count)).toEqual(
          PRICE_BANDS.map(
            (band) => records.filter((r) => passes(r, f, 'price') && r.minPrice >= band.min && (band.max === null || r.minPrice <= band.max)).length,
          ),
        );
        expect(facets.rating.map((p) => p.count)).toEqual(
          RATING_THRESHOLDS.map((t) => records.filter((r) => passes(r, f, 'rating') && r.rating >= t.min).length),
        );
        expect(facets.inStock.count).toBe(records.filter((r) => passes(r, f, 'stock') && inStock(r)).length);
      });
    }
  });

  describe(`${name}: words`, () => {
    it('finds the products named by both words first', async () => {
      const { items } = await engine()({ q: 'wireless headphones' });
      expect(items[0]?.id).toBe('wireless-headphones');
    });

    it('forgives a typo and a half-typed last word', async () => {
      expect((await engine()({ q: 'hedphones' })).items.map((i) => i.id)).toContain('wireless-headphones');
      expect((await engine()({ q: 'headph' })).items.map((i) => i.id)).toContain('studio-headphones');
    });

    it('filters and sorts what the words found', async () => {
      const { items } = await engine()({ q: 'headphones', sort: 'price-asc', inStock: true });
      const prices = items.map((i) => i.price.amount);
      expect(items.length).toBeGreaterThan(0);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
    });

    it('answers nothing, with popular categories, for words no product has', async () => {
      const result = await engine()({ q: 'zzxqv' });
      expect(result.total).toBe(0);
      expect(result.suggestions?.popularCategories.length).toBeGreaterThan(0);
    });
  });
}

const embedded = new ProductSearchIndex(FIXTURE_CATEGORIES);
for (const r of records) embedded.upsert(r);
engineCases('embedded', () => async (params) => runSearch(embedded, params));

const endpoint = process.env.OPENSEARCH_ENDPOINT;
if (!endpoint) console.info('[search-engines] OpenSearch cases skipped: OPENSEARCH_ENDPOINT is not set (the embedded engine ran them).');

describe.skipIf(!endpoint)('OpenSearch', () => {
  let target: OpenSearchTarget;
  beforeAll(async () => {
    const service = (process.env.OPENSEARCH_SERVICE ?? 'none') as 'aoss' | 'es' | 'none';
    const index = `products-test-${randomBytes(4).toString('hex')}`;
    target = { client: openSearchClient({ endpoint: endpoint!, index, service, region: process.env.AWS_REGION ?? 'us-east-1' }), index, categoryName: nameOf };
    await ensureOpenSearchIndex(target);
    await indexAllInOpenSearch(records, target);
    // Writes become searchable after a refresh (OpenSearch Serverless refreshes on its own, within seconds).
    await target.client.indices.refresh({ index }).catch(() => undefined);
    for (let waited = 0; waited < 60_000; waited += 500) {
      const count = (await target.client.count({ index })).body.count as number;
      if (count === records.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 90_000);
  afterAll(async () => {
    await target?.client.indices.delete({ index: target.index }).catch(() => undefined);
  });
  engineCases('opensearch', () => (params) => searchOpenSearch(params, target));
});
