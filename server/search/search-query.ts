import { z } from 'zod';
import { categorySlugSchema } from '../catalog';
import { listQuery } from '../platform/pagination';
import { SEARCH_MAX_QUERY_LENGTH, SEARCH_SORTS, type SearchParams } from './contract';
import { PRICE_BANDS } from './facet-counts';

// The one search query schema (API.md: q, category, minPrice, maxPrice, minRating, inStock, sort, cursor, limit; and
// since issue 27 the optional lists brand, size and colour, each parameter repeated once per value),
// read two ways from the same fields: GET /api/search answers a bad parameter with a 400 naming it; the /search
// page drops it (its default applies), so a shared link with a typo still shows results. Two hand-written copies
// had drifted: the page let an inverted price range through to searchProducts, which refused it, and the page
// answered 500; it also took category slugs the catalog cannot have.

// Money is integer minor units; a fractional or negative price bound is a mistake worth reporting.
const cents = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * Brand, size and colour: each a list (the form's checkboxes and the facet links send the parameter once per value),
 * values as the catalogue spells them. A product passes with any ticked value of a list; the lists narrow one another.
 * The API refuses a blank or overlong value, naming it; the pages drop blanks (`valueList`).
 */
const strictValueList = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.string().trim().min(1).max(80)).max(30)).optional();

/** The query parameters GET /api/search reads as lists (server/platform/http `parseQuery`). */
export const SEARCH_LIST_PARAMS = ['brand', 'size', 'colour'] as const;

const searchQueryFields = z.object({
  q: z.string().max(SEARCH_MAX_QUERY_LENGTH).default(''),
  category: categorySlugSchema.optional(),
  minPrice: cents.optional(),
  maxPrice: cents.optional(),
  minRating: z.coerce.number().min(0).max(5).optional(),
  inStock: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  brand: strictValueList,
  size: strictValueList,
  colour: strictValueList,
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  ...listQuery,
});

const pricesInOrder = (v: { minPrice?: number; maxPrice?: number }) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice;

/** A page's brand, size or colour list: blank values (an empty form field) dropped, never a failure. */
const valueList = z.preprocess(
  (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => typeof x === 'string' && x.trim() !== '')),
  z.array(z.string().trim().min(1).max(80)).max(30),
);
const pageValueList = valueList.transform((v) => (v.length > 0 ? v : undefined));

/** GET /api/search: strict, every problem is a VALIDATION_FAILED detail. */
export const searchQuerySchema = searchQueryFields.refine(pricesInOrder, {
  message: 'minPrice must not be greater than maxPrice',
  path: ['minPrice'],
});

/** Each field as it parses, or as if it were absent (undefined or its default) when it does not. */
function forgiving<S extends Record<string, z.ZodType>>(shape: S): { [K in keyof S]: z.ZodCatch<S[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, field.catch(() => field.parse(undefined))])) as {
    [K in keyof S]: z.ZodCatch<S[K]>;
  };
}

/** The /search page: the same fields, forgiving; page size is the page's own (24), so `limit` is not read. */
export const searchPageQuerySchema = z
  .object(
    forgiving({
      ...searchQueryFields.omit({ limit: true }).shape,
      // None chosen reads as absent, so a search without them keeps its cursor fingerprint and its URL.
      brand: pageValueList,
      size: pageValueList,
      colour: pageValueList,
    }),
  )
  // An inverted range cannot be told apart from a typo in either bound: drop both rather than guess.
  .transform((v) => (pricesInOrder(v) ? v : { ...v, minPrice: undefined, maxPrice: undefined }));

// A category page (/c/[category], issue 27): the search's filters over one category, with no words (the path names
// the category), the price as one of the facet's bands (a radio button can send one value, not a pair), the
// catalog's sort names, and a page number. Forgiving like the search page: a bad value is dropped, not a 400.

export const CATEGORY_PAGE_SORTS = ['featured', 'price-asc', 'price-desc', 'rating', 'newest'] as const;

const PRICE_BAND_IDS = PRICE_BANDS.map((b) => b.id) as [string, ...string[]];

const categoryPageFields = {
  price: z.enum(PRICE_BAND_IDS).optional(),
  brand: valueList,
  size: valueList,
  colour: valueList,
  // The form's "Any rating" sends minRating= (empty), which a number coercion would read as 0: a filter nobody chose.
  minRating: z.preprocess((v) => (v === '' ? undefined : v), searchQueryFields.shape.minRating),
  inStock: searchQueryFields.shape.inStock,
  sort: z.enum(CATEGORY_PAGE_SORTS).default('featured'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
};

export const categoryPageQuerySchema = z.object(forgiving(categoryPageFields));

/** What a category page shows, as URL state: the filters the shopper chose, sort and page. */
export type CategoryPageState = z.infer<typeof categoryPageQuerySchema>;

/** The search a category page runs for its state: browsing (no words), "featured" being the merchandised order. */
export function categoryPageSearch(category: string, state: CategoryPageState, limit: number): SearchParams {
  const band = PRICE_BANDS.find((b) => b.id === state.price);
  return {
    q: '',
    category,
    minPrice: band?.min,
    maxPrice: band?.max ?? undefined,
    minRating: state.minRating,
    inStock: state.inStock === true ? true : undefined,
    brand: state.brand,
    size: state.size,
    colour: state.colour,
    sort: state.sort === 'featured' ? 'relevance' : state.sort,
    page: state.page,
    limit,
  };
}
