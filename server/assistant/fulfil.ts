import type { SessionUser } from '../identity';
import { findStores } from '../locations';
import { formatMoney } from '../money';
import { getOrder, listOrders, type Order } from '../orders';
import { searchProducts } from '../search';
import type { AssistantOrder, AssistantReply, Recognition } from './types';

// Fulfils a recognised intent through the server domains. Order questions are answered only from the verified
// session's own orders (listOrders/getOrder take the caller's id), whatever the text or an order id in it says.

type Fulfilment = Omit<AssistantReply, 'sessionId' | 'source' | 'intent'>;

const HELP_TEXT = 'I can track your orders ("where is my order?"), find products ("red running shoes under $80") and find stores ("stores near Seattle").';

function statusWords(status: string): string {
  return status.toLowerCase().replace(/_/g, ' ');
}

/** The live status, and once shipped the carrier, tracking number and estimate (or the delivery date). */
function liveStatus(order: Order): string {
  const f = order.fulfilment;
  if (!f || (order.status !== 'SHIPPED' && order.status !== 'DELIVERED')) return statusWords(order.status);
  const when = f.deliveredAt ? `, delivered ${f.deliveredAt.slice(0, 10)}` : `, estimated delivery ${f.estimatedDelivery.slice(0, 10)}`;
  return `${statusWords(order.status)} with ${f.carrier}, tracking number ${f.trackingNumber}${when}`;
}

async function orderStatus(recognition: Recognition, user: SessionUser | null): Promise<Fulfilment> {
  if (!user) return { reply: 'Please sign in and I can tell you where your orders are.' };
  if (recognition.slots.OrderId) {
    const order = await getOrder(user.id, recognition.slots.OrderId);
    if (!order) return { reply: `I could not find order ${recognition.slots.OrderId} on your account.`, orders: [] };
    const one: AssistantOrder = {
      id: order.id,
      status: order.status,
      createdAt: order.createdAt,
      total: order.total,
      itemCount: order.items.length,
      firstItemName: order.items[0]?.name,
    };
    return { reply: `Order ${order.id} is ${liveStatus(order)} (placed ${order.createdAt.slice(0, 10)}, ${formatMoney(order.total)}).`, orders: [one] };
  }
  const { items } = await listOrders(user.id, { limit: 3 });
  if (items.length === 0) return { reply: 'You have no orders yet.', orders: [] };
  const latest = items[0]!;
  // The summary has no fulfilment: read the latest order itself (the caller's own, by id) for the live details.
  const full = await getOrder(user.id, latest.id);
  return {
    reply: `Your latest order ${latest.id} (${latest.firstItemName}${latest.itemCount > 1 ? ` and ${latest.itemCount - 1} more` : ''}) is ${full ? liveStatus(full) : statusWords(latest.status)}.`,
    orders: items.map((o) => ({
      id: o.id,
      status: full && o.id === full.id ? full.status : o.status,
      createdAt: o.createdAt,
      total: o.total,
      itemCount: o.itemCount,
      firstItemName: o.firstItemName,
    })),
  };
}

async function productSearch(recognition: Recognition): Promise<Fulfilment> {
  const { Colour, MaxPrice, Category } = recognition.slots;
  const maxPrice = MaxPrice && Number.isFinite(Number(MaxPrice)) ? Math.round(Number(MaxPrice) * 100) : undefined;
  const result = await searchProducts({ q: Colour ?? '', category: Category, maxPrice, inStock: true, sort: Colour ? 'relevance' : 'rating', limit: 5 });
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
  const found = await findStores({ q: place }, 3);
  if (!found.origin) return { reply: `I could not place "${place}". Try a US city or ZIP code.`, stores: [] };
  const stores = found.stores.map(({ id, name, address, distanceKm, hours }) => ({ id, name, address, distanceKm, hours }));
  const nearest = stores[0];
  return {
    reply: nearest
      ? `The nearest store to ${found.origin.label} is ${nearest.name}, ${nearest.address.line1} (${nearest.distanceKm} km).`
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
