import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { cancellationCodes, isTransactionCanceled, queryPages, tableName, withRetry } from '../platform/db';
import { statusShardKey } from '../platform/db/tables';
import type { MovedOrderMarker, OrderRecord } from './contract';
import { guestOrderOwner } from './guest-owner';
import { isMovedOrder } from './order-store';

// Claiming guest orders: when someone signs in (or up) with a verified email, the orders placed as a guest with that
// email move into their account, so "my orders" (one Query of the account's partition) lists them.
//
// One order moves in one TransactWriteItems: the order is Put under the account's key (attribute_not_exists, so
// never twice), and the guest item is replaced by a MovedOrderMarker on the version it was read with. A lifecycle
// transition that read the guest item first then fails its own condition (the marker has no status), reads again —
// every reader follows the marker — and commits on the account's copy; a claim that lost to a transition reads
// again and moves the order as it now is. Nothing of the lifecycle is lost either way, and a second claim (another
// sign-in, a retry) finds only markers: exactly once.
//
// The account's copy carries `claimedFrom`; the orders-stream consumers skip its INSERT, which is a move and not a
// new sale or a new order to fulfil (server/streams/orders-stream, server/fulfilment).

const ATTEMPTS = 3;

/** The ids of the guest orders moved into `userId`'s account now (none when there were none, or all were claimed). */
export async function claimGuestOrders(userId: string, email: string, now = new Date()): Promise<string[]> {
  const owner = guestOrderOwner(email);
  const claimed: string[] = [];
  for await (const out of queryPages({
    TableName: tableName('orders'),
    KeyConditionExpression: 'userId = :u',
    FilterExpression: 'attribute_not_exists(movedTo)',
    ExpressionAttributeValues: { ':u': owner },
    ConsistentRead: true,
  })) {
    for (const record of (out.Items ?? []) as OrderRecord[]) {
      if (await claimOne(record, userId, now)) claimed.push(record.orderId);
    }
  }
  return claimed;
}

async function claimOne(first: OrderRecord, userId: string, now: Date): Promise<boolean> {
  let record: OrderRecord | null = first;
  for (let attempt = 1; record && attempt <= ATTEMPTS; attempt++) {
    try {
      await moveOrder(record, userId, now);
      return true;
    } catch (err) {
      if (!(isTransactionCanceled(err) && cancellationCodes(err).includes('ConditionalCheckFailed')) || attempt === ATTEMPTS) throw err;
      record = await readGuestItem(record.userId, record.orderId);
    }
  }
  return false;
}

/** The guest item as it is now; null once it is a marker (someone else claimed it) or gone. */
async function readGuestItem(owner: string, orderId: string): Promise<OrderRecord | null> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('orders'), Key: { userId: owner, orderId }, ConsistentRead: true }));
  const item = out.Item as OrderRecord | MovedOrderMarker | undefined;
  return item && !isMovedOrder(item) ? item : null;
}

async function moveOrder(record: OrderRecord, userId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const marker: MovedOrderMarker = { userId: record.userId, orderId: record.orderId, movedTo: userId, movedAt: at };
  // statusShard again: an order written before the shards gets its byStatus key as it moves (ADR 0033).
  const copy: OrderRecord = { ...record, userId, statusShard: statusShardKey(record.status, record.orderId), claimedFrom: record.userId, claimedAt: at };
  const versioned = record.version === undefined ? 'attribute_not_exists(#version)' : '#version = :version';
  await withRetry(
    () =>
      dynamoDoc().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName('orders'), Item: copy, ConditionExpression: 'attribute_not_exists(orderId)' } },
            {
              Put: {
                TableName: tableName('orders'),
                Item: marker,
                ConditionExpression: `#status = :status AND ${versioned}`,
                ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                ExpressionAttributeValues: { ':status': record.status, ...(record.version === undefined ? {} : { ':version': record.version }) },
              },
            },
          ],
        }),
      ),
    {
      attempts: 5,
      baseDelayMs: 20,
      maxDelayMs: 400,
      retryOn: (err) => isTransactionCanceled(err) && cancellationCodes(err).some((c) => c === 'TransactionConflict' || c === 'ThrottlingError'),
    },
  );
}
