import type { z } from 'zod';
import { addCartItem, addItemSchema, type Cart, getCart } from '../cart';
import { getProductBySlug, type Product, type ProductSummary, productSlugSchema } from '../catalog';
import { FREE_SHIPPING_THRESHOLD, SHIPPING_METHODS } from '../checkout';
import { isEnabled } from '../flags';
import type { SessionUser } from '../identity';
import { findStores, type StoreWithDistance } from '../locations';
import { getOrder, listOrders, RETURN_WINDOW_DAYS, resolveOrderRef } from '../orders';
import { AppError } from '../platform/errors';
import { validationError } from '../platform/http/respond';
import type { Money } from '../platform/money';
import { siteUrl } from '../platform/site';
import { searchProducts } from '../search';
import { type ProductCard, SESSION_TOOLS, TOOL_INPUTS, type ToolName } from './contract';

// The shop's tools, one implementation for every agent: the MCP server (/api/mcp), the Bedrock assistant and the
// local intent engine all call runShopTool. Each tool calls the same server/ entry as the JSON route it mirrors
// (search → searchProducts, product → getProductBySlug, cart → getCart/addCartItem with the cart's own schema,
// orders → getOrder/listOrders with the verified caller's id, stores → findStores behind the same flag), so every
// price and stock figure an agent sees is the one GET /api/products/[slug] or GET /api/cart would answer. No tool
// places an order: checkout stays a human step at the answered checkoutUrl.

export type ToolContext = {
  /** The verified shopper (session cookie or bearer token), or null. Session tools refuse without one. */
  user: SessionUser | null;
};

export type OrderView = {
  id: string;
  /** The human order number (`TT-4KQ7PX`) a shopper reads aloud to support. */
  number: string;
  status: string;
  createdAt: string;
  total: Money;
  itemCount: number;
  firstItemName: string | undefined;
  fulfilment: { carrier: string; trackingNumber: string; estimatedDelivery: string; deliveredAt: string | null } | null;
  url: string;
};

export type ToolResults = {
  search_products: { items: ProductCard[]; total: number };
  get_product: Omit<Product, 'version'> & { url: string };
  find_stores: {
    origin: { label: string } | null;
    stores: Pick<StoreWithDistance, 'id' | 'name' | 'address' | 'distanceKm' | 'hours'>[];
  };
  get_policies: {
    currency: string;
    shipping: { id: string; label: string; estimate: string; price: Money; freeFrom: Money | null }[];
    returns: string;
    payment: string;
    checkout: string;
    regions: string;
  };
  get_cart: { cart: Cart; checkoutUrl: string };
  add_to_cart: { cart: Cart; checkoutUrl: string };
  get_order_status: { orders: OrderView[] };
};

export type ToolInputs = { [K in ToolName]: z.infer<(typeof TOOL_INPUTS)[K]> };

export function productCard(p: ProductSummary): ProductCard {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    category: p.category,
    price: p.price,
    image: p.image,
    rating: p.rating,
    reviewCount: p.reviewCount,
    url: siteUrl(`/p/${p.slug}`),
  };
}

function requireShopper(ctx: ToolContext): SessionUser {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED', 'Sign in to the shop (or send its access token) to use the cart and orders.');
  return ctx.user;
}

const checkoutUrl = () => siteUrl('/checkout');

const tools: { [K in ToolName]: (input: ToolInputs[K], ctx: ToolContext) => Promise<ToolResults[K]> } = {
  async search_products(input) {
    const result = await searchProducts({
      q: input.query,
      category: input.category,
      maxPrice: input.maxPrice,
      inStock: input.inStock,
      sort: input.query ? 'relevance' : 'rating',
      limit: input.limit ?? 5,
    });
    return { items: result.items.map(productCard), total: result.total };
  },

  async get_product(input) {
    const slug = productSlugSchema.safeParse(input.slug);
    const product = slug.success ? await getProductBySlug(slug.data) : null;
    if (!product) throw new AppError('NOT_FOUND', 'There is no such product.');
    const { version: _version, ...shown } = product;
    return { ...shown, url: siteUrl(`/p/${product.slug}`) };
  },

  async find_stores(input) {
    // The same gate as GET /api/stores: while the store locator is switched off, there are no stores to tell.
    if (!(await isEnabled('store-locator'))) throw new AppError('NOT_FOUND', 'The store locator is not available.');
    const found = await findStores({ q: input.near }, input.limit ?? 3);
    return {
      origin: found.origin ? { label: found.origin.label } : null,
      stores: found.stores.map(({ id, name, address, distanceKm, hours }) => ({ id, name, address, distanceKm, hours })),
    };
  },

  async get_policies() {
    return {
      currency: FREE_SHIPPING_THRESHOLD.currency,
      shipping: SHIPPING_METHODS.map((m) => ({
        id: m.id,
        label: m.label,
        estimate: m.estimate,
        price: m.price,
        freeFrom: m.freeFromThreshold ? FREE_SHIPPING_THRESHOLD : null,
      })),
      returns: `Delivered items may be returned within ${RETURN_WINDOW_DAYS} days of delivery from the order page; the refund goes back to the card once the return is received. Orders can be cancelled until they ship.`,
      payment: 'Cards (Visa, Mastercard, American Express) through the payment processor; the shop never sees or keeps card numbers.',
      checkout: `Checkout is done by the shopper in a browser at ${checkoutUrl()} (guests too, with an email). Agents may fill the cart but never place an order.`,
      regions: 'The shop ships to the countries offered at checkout; prices are in US dollars.',
    };
  },

  async get_cart(_input, ctx) {
    const user = requireShopper(ctx);
    return { cart: await getCart({ kind: 'user', userId: user.id }), checkoutUrl: checkoutUrl() };
  },

  async add_to_cart(input, ctx) {
    const user = requireShopper(ctx);
    // The cart route's own schema: the same bounds and messages as POST /api/cart/items.
    const parsed = addItemSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const cart = await addCartItem({ kind: 'user', userId: user.id }, parsed.data);
    return { cart, checkoutUrl: checkoutUrl() };
  },

  async get_order_status(input, ctx) {
    const user = requireShopper(ctx);
    const view = (
      o: { id: string; number: string; status: string; createdAt: string; total: Money; itemCount: number; firstItemName: string | undefined },
      fulfilment: OrderView['fulfilment'],
    ): OrderView => ({
      ...o,
      fulfilment,
      url: siteUrl(`/orders/${o.id}`),
    });
    const fulfilmentOf = (f: { carrier: string; trackingNumber: string; estimatedDelivery: string; deliveredAt: string | null } | null) =>
      f ? { carrier: f.carrier, trackingNumber: f.trackingNumber, estimatedDelivery: f.estimatedDelivery, deliveredAt: f.deliveredAt } : null;
    if (input.orderId) {
      // Read by (caller, id): another shopper's order is not found, exactly as GET /api/orders/[id] answers. The
      // shopper may give the order number instead of the id, as the route accepts.
      const orderId = await resolveOrderRef(input.orderId);
      const order = orderId ? await getOrder(user.id, orderId) : null;
      if (!order) throw new AppError('NOT_FOUND', `There is no order ${input.orderId} on this account.`);
      const summary = {
        id: order.id,
        number: order.number,
        status: order.status,
        createdAt: order.createdAt,
        total: order.total,
        itemCount: order.items.length,
        firstItemName: order.items[0]?.name,
      };
      return { orders: [view(summary, fulfilmentOf(order.fulfilment))] };
    }
    const { items } = await listOrders(user.id, { limit: 3 });
    const latest = items[0] ? await getOrder(user.id, items[0].id) : null;
    return {
      orders: items.map((o) =>
        latest && o.id === latest.id
          ? view({ ...o, status: latest.status }, fulfilmentOf(latest.fulfilment))
          : view(
              { id: o.id, number: o.number, status: o.status, createdAt: o.createdAt, total: o.total, itemCount: o.itemCount, firstItemName: o.firstItemName },
              null,
            ),
      ),
    };
  },
};

/** The tools this caller may use: the session tools only with a verified shopper. */
export function availableTools(ctx: ToolContext): ToolName[] {
  return (Object.keys(TOOL_INPUTS) as ToolName[]).filter((name) => ctx.user !== null || !SESSION_TOOLS.includes(name));
}

/**
 * Runs one tool on raw input: parsed with the tool's schema (VALIDATION_FAILED), refused without a session for the
 * session tools (UNAUTHENTICATED), otherwise the domain's own AppErrors (NOT_FOUND, OUT_OF_STOCK, …).
 */
export async function runShopTool<K extends ToolName>(name: K, rawInput: unknown, ctx: ToolContext): Promise<ToolResults[K]> {
  const parsed = TOOL_INPUTS[name].safeParse(rawInput ?? {});
  if (!parsed.success) throw validationError(parsed.error, `The input of ${name} is not valid.`);
  if (SESSION_TOOLS.includes(name)) requireShopper(ctx);
  return tools[name](parsed.data as ToolInputs[K], ctx);
}
