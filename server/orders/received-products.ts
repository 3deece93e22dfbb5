import { queryPages, tableName } from '../platform/db';
import type { OrderRecord } from './contract';

// "Did this shopper receive this product?" — the reviews domain's verified-buyer rule. Received means an order line
// for the product on an order that was delivered and that the shopper kept: an order returned in full, or whose
// captured payment was refunded in full, no longer makes a verified buyer (issue 30 I3; a return merely requested
// still does). Only the attributes the answer needs are read, across every page of the shopper's orders.

type Kept = Pick<OrderRecord, 'items' | 'fulfilment' | 'status' | 'paymentAmounts'>;

function keptDelivery(r: Kept): boolean {
  if (!r.fulfilment?.deliveredAt || r.status === 'RETURNED') return false;
  const captured = r.paymentAmounts?.captured ?? 0;
  return !(captured > 0 && (r.paymentAmounts?.refunded ?? 0) >= captured);
}

export async function hasReceivedProduct(userId: string, productId: string): Promise<boolean> {
  for await (const out of queryPages({
    TableName: tableName('orders'),
    KeyConditionExpression: 'userId = :u',
    ExpressionAttributeValues: { ':u': userId },
    ProjectionExpression: '#items, fulfilment, #status, paymentAmounts',
    ExpressionAttributeNames: { '#items': 'items', '#status': 'status' },
    ConsistentRead: true,
  })) {
    const records = (out.Items ?? []) as Kept[];
    if (records.some((r) => keptDelivery(r) && r.items.some((i) => i.productId === productId))) return true;
  }
  return false;
}
