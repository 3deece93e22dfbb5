import type { ProductSummary } from '../catalog/contract';
import type { CategoryFacet, SearchResult } from './contract';
import { PRICE_BANDS, RATING_THRESHOLDS } from './facet-counts';
import type { SearchPlan } from './run-search';
import { encodeSearchCursor } from './search-cursor';
import { nameFromSlug } from './search-document';

// An OpenSearch _search answer (to buildSearchBody's request) as the search domain's SearchResult: the same shape,
// facet order and cursor the embedded engine answers, so callers cannot tell the engines apart. Pure.

type Bucket = { key: string; doc_count: number; label?: { buckets: { key: string }[] } };

/** The part of a _search answer this reads (the client's own types are looser). */
export type OpenSearchSearchResponse = {
  hits: { total: { value: number } | number; hits: { _id: string; _source?: { summary?: ProductSummary } }[] };
  aggregations?: {
    matched?: { doc_count: number };
    facet_category?: { values: { buckets: Bucket[] } };
    facet_price?: { bands: { buckets: Record<string, { doc_count: number }> } };
    facet_rating?: { thresholds: { buckets: Record<string, { doc_count: number }> } };
    facet_in_stock?: { doc_count: number };
    popular?: { values: { buckets: Bucket[] } };
  };
  suggest?: { did_you_mean?: { text: string; options: { text: string }[] }[] };
};

function categoryFacets(buckets: Bucket[] | undefined): CategoryFacet[] {
  return (buckets ?? [])
    .map((b) => ({ slug: b.key, name: b.label?.buckets[0]?.key ?? nameFromSlug(b.key), count: b.doc_count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
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
  const items = response.hits.hits.flatMap((h) => (h._source?.summary ? [h._source.summary] : []));
  const end = plan.offset + response.hits.hits.length;
  const result: SearchResult = {
    items,
    total,
    facets: {
      category: categoryFacets(aggs.facet_category?.values.buckets),
      price: PRICE_BANDS.map((band) => ({ ...band, count: aggs.facet_price?.bands.buckets[band.id]?.doc_count ?? 0 })),
      rating: RATING_THRESHOLDS.map((t) => ({ ...t, count: aggs.facet_rating?.thresholds.buckets[t.id]?.doc_count ?? 0 })),
      inStock: { count: aggs.facet_in_stock?.doc_count ?? 0 },
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
