import type { ProductSummary } from '../catalog/contract';
import type { CategoryFacet, SearchResult, ValueFacet } from './contract';
import { compareSizes, PRICE_BANDS, RATING_THRESHOLDS } from './facet-counts';
import type { SearchPlan } from './run-search';
import { encodeSearchCursor } from './search-cursor';
import { nameFromSlug } from './search-document';

// An OpenSearch _search answer (to buildSearchBody's request) as the search domain's SearchResult: the same shape,
// facet order and cursor the embedded engine answers, so callers cannot tell the engines apart. Pure.

type Bucket = { key: string; doc_count: number; label?: { buckets: { key: string }[] } };

/** The part of a _search answer this reads (the client's own types are looser). */
export type OpenSearchSearchResponse = {
  hits: {
    total: { value: number } | number;
    hits: { _id: string; _source?: { summary?: ProductSummary; colours?: string[]; colourImages?: Record<string, string> } }[];
  };
  aggregations?: {
    matched?: { doc_count: number };
    facet_category?: { values: { buckets: Bucket[] } };
    facet_price?: { bands: { buckets: Record<string, { doc_count: number }> } };
    facet_rating?: { thresholds: { buckets: Record<string, { doc_count: number }> } };
    facet_in_stock?: { doc_count: number };
    facet_brand?: { values: { buckets: Bucket[] } };
    facet_size?: { values: { buckets: Bucket[] } };
    facet_colour?: { values: { buckets: Bucket[] } };
    popular?: { values: { buckets: Bucket[] } };
  };
  suggest?: { did_you_mean?: { text: string; options: { text: string }[] }[] };
};

function categoryFacets(buckets: Bucket[] | undefined): CategoryFacet[] {
  return (buckets ?? [])
    .map((b) => ({ slug: b.key, name: b.label?.buckets[0]?.key ?? nameFromSlug(b.key), count: b.doc_count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Brand, size or colour buckets as the embedded engine lists them: no empty value, in the facet's order. */
function valueFacets(buckets: Bucket[] | undefined, order: (a: string, b: string) => number): ValueFacet[] {
  return (buckets ?? [])
    .filter((b) => b.key !== '' && b.doc_count > 0)
    .map((b) => ({ value: b.key, count: b.doc_count }))
    .sort((a, b) => order(a.value, b.value));
}

type Hit = OpenSearchSearchResponse['hits']['hits'][number];

/** The card of a hit: with colours chosen, the picture of the first chosen colour it comes in (run-search.ts shownAs). */
function shownAs(source: NonNullable<Hit['_source']>, summary: ProductSummary, colours: readonly string[] | undefined): ProductSummary {
  const images = source.colourImages;
  if (!colours?.length || !images) return summary;
  const colour = (source.colours ?? []).find((c) => colours.includes(c) && images[c]);
  return colour ? { ...summary, image: images[colour] as string } : summary;
}

/** One corrected query: each word replaced by its best suggestion; none when no word had one. */
function didYouMean(plan: SearchPlan, response: OpenSearchSearchResponse): string[] {
  const entries = response.suggest?.did_you_mean ?? [];
  const words = entries.map((e) => e.options[0]?.text ?? e.text);
  const corrected = words.join(' ');
  return entries.some((e) => e.options.length > 0) && corrected !== plan.text ? [corrected] : [];
}

export function toSearchResult(plan: SearchPlan, response: OpenSearchSearchResponse): SearchResult {
  const aggs = response.aggregations ?? {};
  const total = typeof response.hits.total === 'number' ? response.hits.total : response.hits.total.value;
  const items = response.hits.hits.flatMap((h) => (h._source?.summary ? [shownAs(h._source, h._source.summary, plan.filters.colour)] : []));
  const end = plan.offset + response.hits.hits.length;
  const result: SearchResult = {
    items,
    total,
    facets: {
      category: categoryFacets(aggs.facet_category?.values.buckets),
      price: PRICE_BANDS.map((band) => ({ ...band, count: aggs.facet_price?.bands.buckets[band.id]?.doc_count ?? 0 })),
      rating: RATING_THRESHOLDS.map((t) => ({ ...t, count: aggs.facet_rating?.thresholds.buckets[t.id]?.doc_count ?? 0 })),
      inStock: { count: aggs.facet_in_stock?.doc_count ?? 0 },
      brand: valueFacets(aggs.facet_brand?.values.buckets, (a, b) => a.localeCompare(b)),
      size: valueFacets(aggs.facet_size?.values.buckets, compareSizes),
      colour: valueFacets(aggs.facet_colour?.values.buckets, (a, b) => a.localeCompare(b)),
    },
    nextCursor: end < total ? encodeSearchCursor(end, plan.fingerprint) : null,
  };
  if (total === 0) {
    result.suggestions = {
      didYouMean: !plan.browsing && (aggs.matched?.doc_count ?? 0) === 0 ? didYouMean(plan, response) : [],
      popularCategories: categoryFacets(aggs.popular?.values.buckets),
    };
  }
  return result;
}
