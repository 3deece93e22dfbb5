import { isInStock, toProductSummary } from '../catalog';
import type { ProductRecord, ProductSummary } from '../catalog/contract';

// A stored product becomes two things: the text MiniSearch tokenises (dropped after indexing, so long
// descriptions are not kept twice) and the small entry kept per product for filters, facets, sorting and the
// answer itself.

/** What MiniSearch indexes. Field names are the ones boosted in text-matching.ts. */
export type SearchText = {
  id: string;
  name: string;
  brand: string;
  categoryName: string;
  tags: string;
  options: string;
  description: string;
};

/** What the index keeps per product. */
export type SearchEntry = {
  id: string;
  category: string;
  /** Lowest variant price, minor units: the same number the shopper sees in `summary.price`. */
  price: number;
  rating: number;
  /** rating then review count, so equal ratings break ties by popularity. */
  ratingSort: number;
  inStock: boolean;
  /** Brand, and the sizes and colours its variants come in: the brand, size and colour facets (issue 27). */
  brand: string;
  sizes: string[];
  colours: string[];
  /** Each colour's first picture, when colours have their own (a card shows the colour a shopper filtered by). */
  colourImages?: Record<string, string>;
  createdAt: string;
  featuredRank: number;
  summary: ProductSummary;
};

export function toSearchText(record: ProductRecord, categoryName: string): SearchText {
  const optionValues = new Set<string>();
  for (const variant of record.variants ?? []) {
    for (const value of Object.values(variant.options ?? {})) optionValues.add(value);
  }
  return {
    id: record.id,
    name: record.name ?? '',
    brand: record.brand ?? '',
    categoryName,
    tags: (record.tags ?? []).join(' '),
    options: [...optionValues].join(' '),
    description: record.description ?? '',
  };
}

const SIZE_OPTION = /^size$/i;
const COLOUR_OPTION = /^colou?r$/i;

/** The distinct values of the variants' options whose name matches, in first-seen order. */
function optionValues(record: ProductRecord, name: RegExp): string[] {
  const values = new Set<string>();
  for (const variant of record.variants ?? []) {
    for (const [option, value] of Object.entries(variant.options ?? {})) if (name.test(option)) values.add(value);
  }
  return [...values];
}

/** The first picture of each colour, the first colour's being the product's own (as on its page). */
function colourImagesOf(record: ProductRecord, colours: readonly string[]): Record<string, string> | undefined {
  const byColour = record.imagesByColour;
  if (!byColour || colours.length < 2) return undefined;
  const out: Record<string, string> = {};
  colours.forEach((colour, i) => {
    const image = i === 0 ? record.images?.[0] : byColour[colour]?.[0];
    if (image) out[colour] = image;
  });
  return out;
}

export function toSearchEntry(record: ProductRecord): SearchEntry {
  const summary = toProductSummary({ ...record, images: record.images ?? [] });
  const colours = optionValues(record, COLOUR_OPTION);
  const colourImages = colourImagesOf(record, colours);
  return {
    id: record.id,
    category: record.category,
    price: summary.price.amount,
    rating: record.rating ?? 0,
    ratingSort: record.ratingSort ?? (record.rating ?? 0) * 1_000_000 + (record.reviewCount ?? 0),
    inStock: isInStock({ ...record, variants: record.variants ?? [], stock: record.stock ?? {} }),
    brand: record.brand ?? '',
    sizes: optionValues(record, SIZE_OPTION),
    colours,
    ...(colourImages ? { colourImages } : {}),
    createdAt: record.createdAt ?? '',
    featuredRank: record.featuredRank ?? Number.MAX_SAFE_INTEGER,
    summary,
  };
}

/** A readable name for a category the categories table does not (yet) know: "trail-running" → "Trail Running". */
export function nameFromSlug(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
