import { z } from 'zod';
import { categorySlugSchema } from '../catalog';
import { listQuery } from '../pagination/cursor';
import { SEARCH_MAX_QUERY_LENGTH, SEARCH_SORTS } from './types';

// The one search query schema (API.md: q, category, minPrice, maxPrice, minRating, inStock, sort, cursor, limit),
// read two ways from the same fields: GET /api/search answers a bad parameter with a 400 naming it; the /search
// page drops it (its default applies), so a shared link with a typo still shows results. Two hand-written copies
// had drifted: the page let an inverted price range through to searchProducts, which refused it, and the page
// answered 500; it also took category slugs the catalog cannot have.

// Money is integer minor units; a fractional or negative price bound is a mistake worth reporting.
const cents = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

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
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  ...listQuery,
});

const pricesInOrder = (v: { minPrice?: number; maxPrice?: number }) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice;

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
  .object(forgiving(searchQueryFields.omit({ limit: true }).shape))
  // An inverted range cannot be told apart from a typo in either bound: drop both rather than guess.
  .transform((v) => (pricesInOrder(v) ? v : { ...v, minPrice: undefined, maxPrice: undefined }));
