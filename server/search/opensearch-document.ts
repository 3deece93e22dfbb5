import type { ProductRecord, ProductSummary } from '../catalog/contract';
import { toSearchEntry, toSearchText } from './search-document';
import { FIELD_BOOSTS } from './text-matching';

// A product as an OpenSearch document: the same text fields MiniSearch indexes (search-document.ts, with the same
// boosts at query time) and the same entry fields the embedded engine filters, counts and sorts on, so the two
// engines answer one SearchParams from one definition of a product. The summary is stored, not indexed: it is the
// answer (SearchResult.items), as the embedded index keeps it in its entry.

export type OpenSearchProduct = {
  id: string;
  name: string;
  brand: string;
  categoryName: string;
  tags: string;
  options: string;
  description: string;
  category: string;
  /** The category's display name, for the category facet (the embedded index reads it from its own map). */
  categoryLabel: string;
  price: number;
  rating: number;
  ratingSort: number;
  inStock: boolean;
  createdAt: string;
  featuredRank: number;
  /** The brand as one exact value (the brand facet; `brand` above is its text for matching), '' when none. */
  brandValue: string;
  sizes: string[];
  colours: string[];
  summary: ProductSummary;
  /** Each colour's first picture (search-document.ts): a card shows the colour a shopper filtered by. */
  colourImages?: Record<string, string>;
};

export function toOpenSearchProduct(record: ProductRecord, categoryName: string): OpenSearchProduct {
  const text = toSearchText(record, categoryName);
  const entry = toSearchEntry(record);
  return {
    ...text,
    category: entry.category,
    categoryLabel: categoryName,
    price: entry.price,
    rating: entry.rating,
    ratingSort: entry.ratingSort,
    inStock: entry.inStock,
    createdAt: entry.createdAt,
    featuredRank: entry.featuredRank,
    brandValue: entry.brand,
    sizes: entry.sizes,
    colours: entry.colours,
    summary: entry.summary,
    ...(entry.colourImages ? { colourImages: entry.colourImages } : {}),
  };
}

/** The text fields with their boosts, as OpenSearch writes them ("name^5"). */
export const BOOSTED_FIELDS: string[] = Object.entries(FIELD_BOOSTS).map(([field, boost]) => `${field}^${boost}`);

const folded = { type: 'text', analyzer: 'folded' } as const;

/**
 * The index: text lower-cased and accent-folded like normaliseTerm() (text-matching.ts), split on the standard
 * tokenizer's word boundaries; everything filtered or sorted on as exact values; the summary stored only.
 * `dynamic: strict` so a document that drifts from this shape is refused rather than silently re-typed.
 */
export const PRODUCT_INDEX_BODY = {
  settings: {
    analysis: {
      analyzer: { folded: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] } },
    },
  },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: { type: 'keyword' },
      name: folded,
      brand: folded,
      categoryName: folded,
      tags: folded,
      options: folded,
      description: folded,
      category: { type: 'keyword' },
      categoryLabel: { type: 'keyword' },
      price: { type: 'long' },
      rating: { type: 'float' },
      ratingSort: { type: 'double' },
      inStock: { type: 'boolean' },
      // ISO-8601 strings (or ''), compared as strings exactly as sort-orders.ts compares them.
      createdAt: { type: 'keyword' },
      featuredRank: { type: 'long' },
      brandValue: { type: 'keyword' },
      sizes: { type: 'keyword' },
      colours: { type: 'keyword' },
      summary: { type: 'object', enabled: false },
      colourImages: { type: 'object', enabled: false },
    },
  },
} as const;
