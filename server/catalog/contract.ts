import { z } from 'zod';
import type { Money } from '../platform/money';

/** What is stored in the products table. Pages never see this shape; see map-product.ts. */
export type ProductRecord = {
  id: string;
  slug: string;
  name: string;
  category: string; // category slug
  brand: string;
  description: string;
  images: string[]; // site-relative paths
  /**
   * Pictures per value of the colour option (`colour` or `color`), for products whose colourways look different;
   * `images` is what the product shows before a colour is chosen (and on cards). Absent: every colour shows `images`.
   */
  imagesByColour?: Record<string, string[]>;
  variants: VariantRecord[];
  /**
   * variantId -> units in stock. With `stockLedger` a copy of the ledger's totals (server/stock, ADR 0029), kept
   * for display and search and refreshed off the checkout path; without it (items written before the ledger) the
   * units themselves, decremented on this item as ADR 0001 had it.
   */
  stock: Record<string, number>;
  /** The units live in the stock ledger (server/stock); checkout never writes this item. */
  stockLedger?: boolean;
  /** The ledger's change counter the `stock` copy was taken at (copyStockToProducts only writes a newer one). */
  stockSeq?: number;
  currency: 'USD';
  minPrice: number; // lowest variant price, minor units (listing sort key)
  rating: number; // 0..5, one decimal
  reviewCount: number;
  ratingSort: number; // rating * 1000000 + reviewCount, so ties break by popularity
  /** When server/reviews last set rating and reviewCount from approved reviews (absent: the catalog file's numbers). */
  reviewStatsAt?: string;
  featuredRank: number; // lower is more featured
  createdAt: string; // ISO timestamp
  /** The all* indexes' partition: `ALL#<shard>` (listAllKey, ADR 0033); 'ALL' on items written before the shards. */
  listAll: `ALL#${number}` | 'ALL';
  tags: string[];
  /**
   * Optimistic-locking counter for marketers' edits and imports (docs/merchandising.md). Absent on items written
   * before it existed, read as 0. Checkout's stock decrements do not bump it: a sale must not make an open edit
   * form stale (stock edits carry their own condition instead).
   */
  version?: number;
  /** false hides the product from listings, search, its page and the cart; absent means published. */
  published?: boolean;
};

export type VariantRecord = {
  id: string;
  options: Record<string, string>; // e.g. { size: 'M', colour: 'Red' }
  price: number; // minor units
};

export type ProductSummary = {
  id: string;
  slug: string;
  name: string;
  category: string;
  price: Money;
  image: string;
  rating: number;
  /** Approved reviews behind `rating`; 0 means nobody has reviewed it (show "No reviews yet", not a zero). */
  reviewCount: number;
};

export type ProductVariant = {
  id: string;
  options: Record<string, string>;
  price: Money;
  available: number;
};

export type Product = ProductSummary & {
  brand: string;
  description: string;
  images: string[];
  /** Pictures per colour option value (ProductRecord.imagesByColour); absent when colours share `images`. */
  imagesByColour?: Record<string, string[]>;
  createdAt: string;
  variants: ProductVariant[];
  version: number;
};

export type Category = { slug: string; name: string; description: string; productCount: number };

export type ProductSort = 'featured' | 'price-asc' | 'price-desc' | 'rating' | 'newest';
export const PRODUCT_SORTS: readonly ProductSort[] = ['featured', 'price-asc', 'price-desc', 'rating', 'newest'];

/** The shape every product and category slug has; anything else cannot exist, so it is a 404 without a read. */
export const productSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,159}$/);
export const categorySlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
