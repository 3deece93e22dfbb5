import { z } from 'zod';
import { categorySlugSchema, productSlugSchema } from '../contract';
import { PRODUCT_ID_PATTERN } from './product-id';

// One import row: a product with its variants, as the JSON import file holds it (CSV rows are grouped into
// this shape first). The stored shape is ProductRecord; to-product-record.ts maps one to the other.

/** Variant ids are keys of the product's stock map and travel in carts, so they keep to URL- and key-safe characters. */
export const VARIANT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
/** Option names and values may not hold ';' or '=' because the CSV format writes options as `size=M;colour=Red`. */
const OPTION_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,29}$/;
const OPTION_VALUE_PATTERN = /^[^;=|]+$/;
/** One million dollars: anything above is a unit mistake (dollars written as cents twice), not a price. */
export const MAX_PRICE_CENTS = 100_000_000;
/**
 * ratingSort = rating × 1,000,000 + reviewCount, and ratings step by 0.1 (100,000 in that key): a count of
 * 100,000 or more would sort a 4.3 above a 4.4.
 */
export const MAX_REVIEW_COUNT = 99_999;

/** A site-relative path: the image optimiser serves /images/products/** and /images/uploads/**, nothing from other hosts. */
export const SITE_IMAGE_PATH = /^\/(?!\/)[A-Za-z0-9._~!$&'()*+,;=:@%/-]+$/;
/** An image for the importer to fetch (http or https) and store in the shop's image bucket (import-images.ts). */
export const IMAGE_URL = /^https?:\/\/[^\s]+$/i;
/** An image file beside the catalogue file, named relative to it (photos/red-1.jpg); never absolute, never "..". */
export const IMAGE_FILE = /^(?!\/)(?!.*(^|[\\/])\.\.([\\/]|$))[^\s:*?"<>|][^:*?"<>|]*\.(jpe?g|png|webp)$/i;

/**
 * One image of a row: a site path as stored, or a URL or a file the importer turns into one before anything is
 * written (importCatalog's `images` option). Rows of the demo and of exports hold site paths only.
 */
const imageRefSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => SITE_IMAGE_PATH.test(s) || IMAGE_URL.test(s) || IMAGE_FILE.test(s), {
    message: 'must be a site-relative path such as /images/products/x.png, an http(s) URL, or a .jpg, .png or .webp file next to the catalogue',
  });

/** The option that names a variant's colour, if the variants have one (`colour` or `color`, any case). */
export function colourOptionName(variants: readonly { options: Record<string, string> }[]): string | undefined {
  return Object.keys(variants[0]?.options ?? {}).find((name) => /^colou?r$/i.test(name));
}

const variantSchema = z.strictObject({
  id: z.string().regex(VARIANT_ID_PATTERN, 'must be 1–100 letters, digits, "-" or "_"'),
  options: z.record(
    z.string().regex(OPTION_NAME_PATTERN, 'option names are lower-case words such as "size" or "colour"'),
    z.string().trim().min(1).max(60).regex(OPTION_VALUE_PATTERN, 'option values may not contain ";", "=" or "|"'),
  ),
  price: z.number().int('must be whole cents (an integer)').positive('must be more than 0').max(MAX_PRICE_CENTS),
  stock: z.number().int('must be a whole number of units').min(0, 'may not be negative').max(1_000_000),
});

/** The storefront's own slug rules (a slug the routes reject could never be visited), with a message people can act on. */
function slugField(rule: z.ZodType<string>, maxLength: number) {
  return z.string().refine((s) => rule.safeParse(s).success, {
    message: `must be lower-case letters, digits and hyphens, starting with a letter or digit, at most ${maxLength} long`,
  });
}

const hasOneDecimal = (n: number): boolean => Math.abs(Math.round(n * 10) - n * 10) < 1e-9;

export const catalogRowSchema = z
  .strictObject({
    id: z.string().regex(PRODUCT_ID_PATTERN, 'must be 1–100 letters, digits, "-" or "_"').optional(),
    slug: slugField(productSlugSchema, 160),
    name: z.string().trim().min(1).max(200),
    category: slugField(categorySlugSchema, 80),
    categoryName: z.string().trim().min(1).max(80),
    /** Optional: kept as is in the categories table when absent (see import-catalog.ts). */
    categoryDescription: z.string().trim().min(1).max(500).optional(),
    brand: z.string().trim().min(1).max(80),
    description: z.string().trim().min(1).max(5000),
    images: z.array(imageRefSchema).min(1, 'needs at least one image').max(10),
    /** Pictures per colour: keys are values of the variants' colour option; each colourway 1–10 images. */
    imagesByColour: z.record(z.string().trim().min(1).max(60), z.array(imageRefSchema).min(1, 'needs at least one image').max(10)).optional(),
    // Lower-cased and de-duplicated so search facets do not split on "Trail" and "trail".
    tags: z
      .array(z.string().trim().min(1).max(40))
      .max(30)
      .transform((tags) => [...new Set(tags.map((t) => t.toLowerCase()))]),
    rating: z.number().min(0).max(5).refine(hasOneDecimal, 'must have at most one decimal place'),
    reviewCount: z.number().int().min(0).max(MAX_REVIEW_COUNT),
    // Stored as UTC ISO text because it is a GSI sort key compared as a string: mixed offsets would sort wrongly.
    createdAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()),
    featuredRank: z.number().int().min(0).max(1_000_000_000),
    variants: z.array(variantSchema).min(1, 'needs at least one variant').max(100),
  })
  .superRefine((row, ctx) => {
    if (row.imagesByColour) {
      const option = colourOptionName(row.variants);
      const colours = new Set(option ? row.variants.map((v) => v.options[option]) : []);
      for (const colour of Object.keys(row.imagesByColour)) {
        if (!colours.has(colour)) {
          ctx.addIssue({
            code: 'custom',
            path: ['imagesByColour', colour],
            message: option ? `"${colour}" is not a ${option} of any variant` : 'the variants have no colour option to picture',
          });
        }
      }
    }
    // Variants of one product must be told apart by the same option names, or the product page cannot offer a choice.
    const first = row.variants[0];
    if (!first) return;
    const names = Object.keys(first.options).sort().join(',');
    const seen = new Map<string, number>();
    row.variants.forEach((v, i) => {
      const these = Object.keys(v.options).sort().join(',');
      if (these !== names) {
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'options'],
          message: `has options {${these}} but the first variant has {${names}}`,
        });
        return;
      }
      const combo = Object.keys(v.options)
        .sort()
        .map((k) => `${k}=${v.options[k]}`)
        .join(';');
      const earlier = seen.get(combo);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'options'],
          message: `repeats the options of variant ${earlier + 1} (${combo || 'none'})`,
        });
      } else seen.set(combo, i);
    });
  });

/** What a generator or file provides (id optional, tags and dates as written). */
export type CatalogRow = z.input<typeof catalogRowSchema>;
/** A row that passed validation: normalised, with its product id resolved. */
export type ValidCatalogRow = z.output<typeof catalogRowSchema> & { id: string };
