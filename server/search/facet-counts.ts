import type { CategoryFacet, PriceBandFacet, RatingFacet, SearchFacets, ValueFacet } from './contract';
import type { SearchEntry } from './search-document';

// Applies the filters and counts the facets in one pass over the text-matched set. Each facet is counted with
// every filter applied except its own (disjunctive faceting): with "Audio" picked, the category facet still says
// how many hits "Shoes" would give, instead of collapsing to the one chosen category.

export type SearchFilters = {
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  minRating?: number;
  /** true keeps only products with a purchasable variant; absent or false does not filter. */
  inStock?: boolean;
  /** Any of these brands, sizes, colours (each list ORed, the lists ANDed); empty or absent does not filter. */
  brand?: readonly string[];
  size?: readonly string[];
  colour?: readonly string[];
};

/** Price bands in minor units; `max` is inclusive so a band's bounds can be sent back as minPrice/maxPrice. */
export const PRICE_BANDS: readonly { id: string; label: string; min: number; max: number | null }[] = [
  { id: 'under-25', label: 'Under $25', min: 0, max: 2_499 },
  { id: '25-50', label: '$25 to $50', min: 2_500, max: 4_999 },
  { id: '50-100', label: '$50 to $100', min: 5_000, max: 9_999 },
  { id: '100-200', label: '$100 to $200', min: 10_000, max: 19_999 },
  { id: '200-plus', label: '$200 and up', min: 20_000, max: null },
];

export const RATING_THRESHOLDS: readonly { id: string; label: string; min: number }[] = [
  { id: '4-up', label: '4 stars & up', min: 4 },
  { id: '3-up', label: '3 stars & up', min: 3 },
  { id: '2-up', label: '2 stars & up', min: 2 },
];

const APPAREL_SIZES = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];

/** Sizes as a shopper reads them: XS before S before M, 9 before 10.5 before 11, anything else by name after. */
export function compareSizes(a: string, b: string): number {
  const rank = (s: string): [number, number, string] => {
    const apparel = APPAREL_SIZES.indexOf(s.toUpperCase());
    if (apparel >= 0) return [0, apparel, s];
    const n = Number(s);
    return Number.isFinite(n) && s.trim() !== '' ? [1, n, s] : [2, 0, s];
  };
  const [x, y] = [rank(a), rank(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
}

const some = (wanted: readonly string[] | undefined, has: (value: string) => boolean): boolean =>
  wanted === undefined || wanted.length === 0 || wanted.some(has);

function count(map: Map<string, number>, values: readonly string[]): void {
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
}

function valueFacets(map: Map<string, number>, order: (a: string, b: string) => number): ValueFacet[] {
  return [...map].map(([value, n]) => ({ value, count: n })).sort((a, b) => order(a.value, b.value));
}

function priceBandIndex(price: number): number {
  for (let i = PRICE_BANDS.length - 1; i >= 0; i--) {
    if (price >= PRICE_BANDS[i]!.min) return i;
  }
  return 0;
}

/**
 * Keeps the candidates that pass every filter (order preserved) and counts the facets.
 * `categoryName` turns a slug into its display name.
 */
export function filterAndCountFacets<T extends { entry: SearchEntry }>(
  candidates: readonly T[],
  filters: SearchFilters,
  categoryName: (slug: string) => string,
): { hits: T[]; facets: SearchFacets } {
  const { category, minPrice, maxPrice, minRating } = filters;
  const stockOnly = filters.inStock === true;
  const categoryCounts = new Map<string, number>();
  const brandCounts = new Map<string, number>();
  const sizeCounts = new Map<string, number>();
  const colourCounts = new Map<string, number>();
  const priceCounts = PRICE_BANDS.map(() => 0);
  const ratingCounts = RATING_THRESHOLDS.map(() => 0);
  let inStockCount = 0;
  const hits: T[] = [];

  for (const candidate of candidates) {
    const e = candidate.entry;
    // Entries from an older index may lack the option lists: no sizes, no colours, not a failure.
    const sizes = e.sizes ?? [];
    const colours = e.colours ?? [];
    const okCategory = category === undefined || e.category === category;
    const okPrice = (minPrice === undefined || e.price >= minPrice) && (maxPrice === undefined || e.price <= maxPrice);
    const okRating = minRating === undefined || e.rating >= minRating;
    const okStock = !stockOnly || e.inStock;
    const okBrand = some(filters.brand, (b) => b === e.brand);
    const okSize = some(filters.size, (v) => sizes.includes(v));
    const okColour = some(filters.colour, (v) => colours.includes(v));
    // Each facet counts with every filter but its own (the brand, size and colour ones too).
    const okOptions = okBrand && okSize && okColour;

    if (okPrice && okRating && okStock && okOptions) categoryCounts.set(e.category, (categoryCounts.get(e.category) ?? 0) + 1);
    if (okCategory && okRating && okStock && okOptions) priceCounts[priceBandIndex(e.price)]!++;
    if (okCategory && okPrice && okStock && okOptions) {
      for (let i = 0; i < RATING_THRESHOLDS.length; i++) if (e.rating >= RATING_THRESHOLDS[i]!.min) ratingCounts[i]!++;
    }
    const okBase = okCategory && okPrice && okRating && okStock;
    if (okCategory && okPrice && okRating && okOptions && e.inStock) inStockCount++;
    if (okBase && okSize && okColour && e.brand) count(brandCounts, [e.brand]);
    if (okBase && okBrand && okColour) count(sizeCounts, sizes);
    if (okBase && okBrand && okSize) count(colourCounts, colours);
    if (okBase && okOptions) hits.push(candidate);
  }

  const categoryFacets: CategoryFacet[] = [...categoryCounts]
    .map(([slug, count]) => ({ slug, name: categoryName(slug), count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const priceFacets: PriceBandFacet[] = PRICE_BANDS.map((band, i) => ({ ...band, count: priceCounts[i]! }));
  const ratingFacets: RatingFacet[] = RATING_THRESHOLDS.map((t, i) => ({ ...t, count: ratingCounts[i]! }));

  return {
    hits,
    facets: {
      category: categoryFacets,
      price: priceFacets,
      rating: ratingFacets,
      inStock: { count: inStockCount },
      brand: valueFacets(brandCounts, (a, b) => a.localeCompare(b)),
      size: valueFacets(sizeCounts, compareSizes),
      colour: valueFacets(colourCounts, (a, b) => a.localeCompare(b)),
    },
  };
}

/** The biggest categories in the whole index: what to offer when a search finds nothing. */
export function popularCategories(entries: Iterable<SearchEntry>, categoryName: (slug: string) => string, limit = 5): CategoryFacet[] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
  return [...counts]
    .map(([slug, count]) => ({ slug, name: categoryName(slug), count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);
}
