import { z } from 'zod';
import type { Money } from '../platform/money';

// The agents domain's client-safe door: the shop's tools as agents see them (the MCP server at /api/mcp and the
// Bedrock assistant offer exactly these), with their input schemas. The inputs reuse the JSON routes' bounds
// (API.md: limit ≤ 100, quantity 1–99 as POST /api/cart/items, slugs and ids as the catalog spells them), so a
// tool never accepts what the route would refuse.

// The catalog's slug shapes (server/catalog/slug.ts); the tools parse again with the catalog's own schemas.
const PRODUCT_SLUG = /^[a-z0-9][a-z0-9-]{0,159}$/;
const CATEGORY_SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

export const searchProductsInput = z
  .object({
    query: z.string().trim().max(200).describe('Free text, e.g. "waterproof hiking boots". Empty browses by the filters.'),
    limit: z.number().int().min(1).max(20).optional().describe('How many products to return (default 5, at most 20).'),
    category: z.string().regex(CATEGORY_SLUG).optional().describe('A category slug from llms.txt, e.g. "backpacks".'),
    maxPrice: z.number().int().min(0).optional().describe('Highest price in minor units (cents): 8000 is $80.00.'),
    inStock: z.boolean().optional().describe('Only products with a variant in stock.'),
  })
  .strict();

export const getProductInput = z.object({ slug: z.string().regex(PRODUCT_SLUG).describe('The product slug, as in /p/<slug>.') }).strict();

export const findStoresInput = z
  .object({
    near: z.string().trim().min(1).max(200).describe('A US city, "City, ST" or ZIP code.'),
    limit: z.number().int().min(1).max(10).optional(),
  })
  .strict();

export const getPoliciesInput = z.object({}).strict();

export const getCartInput = z.object({}).strict();

export const addToCartInput = z
  .object({
    productId: z.string().min(1).max(200).describe('The product id from search_products or get_product.'),
    variantId: z.string().min(1).max(200).describe('The variant id from get_product (size, colour…).'),
    quantity: z.number().int().min(1).describe('Units to add (the cart caps a line, as POST /api/cart/items does).'),
  })
  .strict();

export const getOrderStatusInput = z
  .object({
    orderId: z.string().min(1).max(100).optional().describe("The order id; without it, the shopper's latest orders."),
  })
  .strict();

export const TOOL_INPUTS = {
  search_products: searchProductsInput,
  get_product: getProductInput,
  find_stores: findStoresInput,
  get_policies: getPoliciesInput,
  get_cart: getCartInput,
  add_to_cart: addToCartInput,
  get_order_status: getOrderStatusInput,
} as const;

export type ToolName = keyof typeof TOOL_INPUTS;

/** Tools that act on the shopper's own cart or orders: offered only with a verified session. */
export const SESSION_TOOLS: readonly ToolName[] = ['get_cart', 'add_to_cart', 'get_order_status'];

export const TOOL_DESCRIPTIONS: Record<ToolName, string> = {
  search_products:
    'Search the Trail & Table catalog. Returns products with id, slug, name, category, price (Money: integer minor units and currency), rating and url.',
  get_product: 'One product by slug: description, brand, images and each variant with its options, price and units available now.',
  find_stores: 'Stores near a US place, nearest first, with address, distance and opening hours.',
  get_policies: 'Shipping methods and prices, the free-shipping threshold, returns, payment and checkout rules.',
  get_cart: "The signed-in shopper's cart, priced by the shop now, with a checkout link.",
  add_to_cart: "Add a variant to the signed-in shopper's cart and answer the cart. Never places an order: the shopper checks out at the returned checkoutUrl.",
  get_order_status: "The signed-in shopper's own order by id (status, delivery, totals), or their latest orders without an id.",
};

/** One product as a tool answers it in a list (and the chat widget shows as a card). */
export type ProductCard = {
  id: string;
  slug: string;
  name: string;
  category: string;
  price: Money;
  image: string;
  rating: number;
  /** 0: nobody has reviewed it yet, so `rating` means nothing. */
  reviewCount: number;
  url: string;
};
