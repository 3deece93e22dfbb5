import { listConsentingCustomers } from '../account';
import { getProductRecords } from '../catalog';
import { interactionsOf } from '../interactions';
import { getOrder, listOrders } from '../orders';
import type { Recipient, Segment } from './campaign-model';

// Who is in a segment: only shoppers with marketing consent granted (the account domain's audience), narrowed by
// what they did in the date range (UTC days, both ends included). A batch job, never on a page's path.

const endOfDay = (d: string) => `${d}T23:59:59.999Z`;

async function boughtInCategory(userId: string, category: string, from: string, to: string): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const page = await listOrders(userId, { limit: 50, cursor });
    for (const summary of page.items) {
      if (summary.createdAt < from || summary.createdAt > endOfDay(to)) continue;
      if (summary.status === 'CANCELLED') continue;
      const order = await getOrder(userId, summary.id);
      const products = await getProductRecords(order?.items.map((i) => i.productId) ?? []);
      if ([...products.values()].some((p) => p.category === category)) return true;
    }
    // Newest first: once past the window's start, older pages cannot match.
    if (page.items.at(-1) && page.items.at(-1)!.createdAt < from) return false;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return false;
}

async function viewedNotBought(userId: string, productId: string, from: string, to: string): Promise<boolean> {
  const events = await interactionsOf(userId, from, endOfDay(to));
  if (!events.some((e) => e.type === 'view' && e.productId === productId)) return false;
  let cursor: string | undefined;
  do {
    const page = await listOrders(userId, { limit: 50, cursor });
    for (const summary of page.items) {
      if (summary.createdAt < from || summary.status === 'CANCELLED') continue;
      const order = await getOrder(userId, summary.id);
      if (order?.items.some((i) => i.productId === productId)) return false;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return true;
}

export async function inSegment(userId: string, segment: Segment): Promise<boolean> {
  return segment.kind === 'bought-in-category'
    ? boughtInCategory(userId, segment.category, segment.from, segment.to)
    : viewedNotBought(userId, segment.productId, segment.from, segment.to);
}

/** The consenting shoppers in the segment, one at a time. */
export async function* segmentRecipients(segment: Segment): AsyncGenerator<Recipient> {
  for await (const customer of listConsentingCustomers()) {
    if (await inSegment(customer.userId, segment)) yield customer;
  }
}
