import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoBulkDoc } from '../../server/platform/aws/clients';
import { isConditionalCheckFailure, scanPages } from '../../server/platform/db';
import { listAllKey, statusShardKey, tableName } from '../../server/platform/db/tables';

// The backfill of ADR 0033: writes the sharded index keys on items written before them (or before a change of
// LISTING_SHARDS / STATUS_SHARDS): each product's `listAll` = listAllKey(id), each order's `statusShard` =
// statusShardKey(status, orderId). A batch job (one Scan of each table, projected to the keys), idempotent: an item
// already right is not written, so running it again writes only what changed since. Each write is conditional on
// what was read (an order's status, a product still existing), so a transition racing it is never undone; such an
// item is counted as skipped and the next run picks it up if it still needs it.

type Counts = { scanned: number; written: number; skipped: number };
export type ReshardResult = { products: Counts; orders: Counts };

const CONCURRENCY = 16;

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function conditionalUpdate(input: ConstructorParameters<typeof UpdateCommand>[0], counts: Counts): Promise<void> {
  try {
    await dynamoBulkDoc().send(new UpdateCommand(input));
    counts.written++;
  } catch (err) {
    if (!isConditionalCheckFailure(err)) throw err;
    counts.skipped++;
  }
}

export async function reshardListings(): Promise<ReshardResult> {
  const products: Counts = { scanned: 0, written: 0, skipped: 0 };
  for await (const page of scanPages({ TableName: tableName('products'), ProjectionExpression: 'id, listAll' }, { client: dynamoBulkDoc() })) {
    const items = (page.Items ?? []) as { id: string; listAll?: string }[];
    products.scanned += items.length;
    await inParallel(
      items.filter((p) => p.listAll !== listAllKey(p.id)),
      (p) =>
        conditionalUpdate(
          {
            TableName: tableName('products'),
            Key: { id: p.id },
            UpdateExpression: 'SET listAll = :k',
            ConditionExpression: 'attribute_exists(id)',
            ExpressionAttributeValues: { ':k': listAllKey(p.id) },
          },
          products,
        ),
    );
  }

  const orders: Counts = { scanned: 0, written: 0, skipped: 0 };
  for await (const page of scanPages(
    { TableName: tableName('orders'), ProjectionExpression: 'userId, orderId, #status, statusShard', ExpressionAttributeNames: { '#status': 'status' } },
    { client: dynamoBulkDoc() },
  )) {
    const items = (page.Items ?? []) as { userId: string; orderId: string; status?: string; statusShard?: string }[];
    orders.scanned += items.length;
    // A claimed guest order's marker has no status: it stays out of byStatus.
    await inParallel(
      items.filter((o) => o.status !== undefined && o.statusShard !== statusShardKey(o.status, o.orderId)),
      (o) =>
        conditionalUpdate(
          {
            TableName: tableName('orders'),
            Key: { userId: o.userId, orderId: o.orderId },
            UpdateExpression: 'SET statusShard = :k',
            ConditionExpression: '#status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':k': statusShardKey(o.status!, o.orderId), ':status': o.status },
          },
          orders,
        ),
    );
  }
  return { products, orders };
}
