import { type OrderView, runShopTool } from '../agents';
import type { SessionUser } from '../identity';
import { formatDistance } from '../locations/contract';
import { isAppError } from '../platform/errors';
import { formatMoney } from '../platform/money';
import type { AssistantOrder, AssistantReply, AssistantStore, Recognition } from './contract';

// Fulfils a recognised intent through the shop's tools (server/agents): the same get_order_status, search_products
// and find_stores the MCP server and the Bedrock assistant call. Order questions are answered only from the verified
// session's own orders (the tool reads by the caller's id), whatever the text or an order id in it says.

type Fulfilment = Omit<AssistantReply, 'sessionId' | 'source' | 'intent'>;

const HELP_TEXT = 'I can track your orders ("where is my order?"), find products ("red running shoes under $80") and find stores ("stores near Seattle").';

function statusWords(status: string): string {
  return status.toLowerCase().replace(/_/g, ' ');
}

/** The live status, and once shipped the carrier, tracking number and estimate (or the delivery date). */
// Dates in words, as the order page and the emails write them (a calendar day is kept as `2026-12-10`).
const dayFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
function day(iso: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : dayFormat.format(d);
}

function liveStatus(order: OrderView): string {
  const f = order.fulfilment;
  if (!f || (order.status !== 'SHIPPED' && order.status !== 'DELIVERED')) return statusWords(order.status);
  const when = f.deliveredAt ? `, delivered ${day(f.deliveredAt)}` : `, estimated delivery ${day(f.estimatedDelivery)}`;
  return `${statusWords(order.status)} with ${f.carrier}, tracking number ${f.trackingNumber}${when}`;
}

const shown = ({ id, number, status, createdAt, total, itemCount, firstItemName }: OrderView): AssistantOrder => ({
  id,
  number,
  status,
  createdAt,
  total,
  itemCount,
  firstItemName,
});

async function orderStatus(recognition: Recognition, user: SessionUser | null): Promise<Fulfilment> {
  if (!user) return { reply: 'Please sign in and I can tell you where your orders are.' };
  const orderId = recognition.slots.OrderId;
  if (orderId) {
    try {
      const [order] = (await runShopTool('get_order_status', { orderId }, { user })).orders;
      if (order)
        return {
          reply: `Order ${order.number} is ${liveStatus(order)} (placed ${day(order.createdAt)}, ${formatMoney(order.total)}).`,
          orders: [shown(order)],
        };
    } catch (err) {
      if (!(isAppError(err) && err.code === 'NOT_FOUND')) throw err;
    }
    return { reply: `I could not find order ${orderId} on your account.`, orders: [] };
  }
  const { orders } = await runShopTool('get_order_status', {}, { user });
  const latest = orders[0];
  if (!latest) return { reply: 'You have no orders yet.', orders: [] };
  return {
    reply: `Your latest order ${latest.number} (${latest.firstItemName}${latest.itemCount > 1 ? ` and ${latest.itemCount - 1} more` : ''}) is ${liveStatus(latest)}.`,
    orders: orders.map(shown),
  };
}

async function productSearch(recognition: Recognition): Promise<Fulfilment> {
  const { Colour, MaxPrice, Category } = recognition.slots;
  const maxPrice = MaxPrice && Number.isFinite(Number(MaxPrice)) ? Math.round(Number(MaxPrice) * 100) : undefined;
  const result = await runShopTool('search_products', { query: Colour ?? '', category: Category, maxPrice, inStock: true, limit: 5 }, { user: null });
  const what = [Colour, Category?.replace(/-/g, ' ') ?? 'products'].filter(Boolean).join(' ');
  const price = maxPrice !== undefined ? ` under ${formatMoney({ amount: maxPrice, currency: 'USD' })}` : '';
  if (result.items.length === 0) return { reply: `I found no ${what}${price} in stock right now.`, products: [] };
  return {
    reply: `Here ${result.total === 1 ? 'is 1' : `are ${Math.min(result.total, 5)} of ${result.total}`} ${what}${price} in stock.`,
    products: result.items,
  };
}

async function storeFinder(recognition: Recognition): Promise<Fulfilment> {
  const place = recognition.slots.Place;
  if (!place) return { reply: 'Which city or ZIP code should I look near?' };
  let found: Awaited<ReturnType<typeof runShopTool<'find_stores'>>>;
  try {
    found = await runShopTool('find_stores', { near: place, limit: 3 }, { user: null });
  } catch (err) {
    // The store locator switched off (the tool answers as GET /api/stores does).
    if (isAppError(err) && err.code === 'NOT_FOUND') return { reply: 'I cannot look up stores right now.', stores: [] };
    throw err;
  }
  if (!found.origin) return { reply: `I could not place "${place}". Try a US city or ZIP code.`, stores: [] };
  const stores: AssistantStore[] = found.stores;
  const nearest = stores[0];
  // The stores and the gazetteer are American: the sentence says miles, as the locator does for US shoppers.
  return {
    reply: nearest
      ? `The nearest store to ${found.origin.label} is ${nearest.name}, ${nearest.address.line1} (${formatDistance(nearest.distanceKm, 'mi')}).`
      : 'I found no stores.',
    stores,
  };
}

export async function fulfil(recognition: Recognition, user: SessionUser | null): Promise<Fulfilment> {
  switch (recognition.intent) {
    case 'OrderStatus':
      return orderStatus(recognition, user);
    case 'ProductSearch':
      return productSearch(recognition);
    case 'StoreFinder':
      return storeFinder(recognition);
    case 'Help':
      return { reply: HELP_TEXT };
    case 'FallbackIntent':
      return { reply: `Sorry, I did not get that. ${HELP_TEXT}` };
  }
}
