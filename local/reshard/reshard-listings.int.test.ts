import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { getProductRecordBySlug } from '../../server/catalog/product-repository';
import { newOrderId } from '../../server/orders/order-id';
import { dynamoDoc } from '../../server/platform/aws/clients';
import { listAllKey, statusShardKey, tableName } from '../../server/platform/db/tables';
import { reshardListings } from './reshard-listings';

// The backfill of ADR 0033 on DynamoDB Local: items written before the shards get their keys, items already right
// are not written again, a claimed order's marker stays without a status key.

const run = Date.now().toString(36);
const productId = `reshard-${run}`;
const userId = `reshard-user-${run}`;
const legacyOrder = newOrderId();
const staleOrder = newOrderId();
const markerOrder = newOrderId();

afterAll(async () => {
  await dynamoDoc().send(new DeleteCommand({ TableName: tableName('products'), Key: { id: productId } }));
  for (const orderId of [legacyOrder, staleOrder, markerOrder]) {
    await dynamoDoc().send(new DeleteCommand({ TableName: tableName('orders'), Key: { userId, orderId } }));
  }
});

const getOrder = async (orderId: string) =>
  (await dynamoDoc().send(new GetCommand({ TableName: tableName('orders'), Key: { userId, orderId }, ConsistentRead: true }))).Item;

describe('npm run reshard:listings', () => {
  it('moves unsharded products and orders to their shards, once', async () => {
    await dynamoDoc().send(
      new PutCommand({
        TableName: tableName('products'),
        Item: {
          id: productId,
          slug: productId,
          name: 'Old',
          category: 'reshard',
          featuredRank: 1,
          minPrice: 100,
          ratingSort: 0,
          createdAt: '2020-01-01T00:00:00.000Z',
          listAll: 'ALL',
        },
      }),
    );
    const order = { userId, status: 'SHIPPED', createdAt: '2020-01-01T00:00:00.000Z', items: [] };
    await dynamoDoc().send(new PutCommand({ TableName: tableName('orders'), Item: { ...order, orderId: legacyOrder } }));
    // A transition by code before the shards left the key of the status before.
    await dynamoDoc().send(
      new PutCommand({ TableName: tableName('orders'), Item: { ...order, orderId: staleOrder, statusShard: statusShardKey('PLACED', staleOrder) } }),
    );
    await dynamoDoc().send(new PutCommand({ TableName: tableName('orders'), Item: { userId, orderId: markerOrder, movedTo: 'someone', movedAt: 'x' } }));

    const first = await reshardListings();
    expect(first.products.written).toBeGreaterThanOrEqual(1);
    expect(first.orders.written).toBeGreaterThanOrEqual(2);
    expect((await getProductRecordBySlug(productId))?.listAll).toBe(listAllKey(productId));
    expect((await getOrder(legacyOrder))?.statusShard).toBe(statusShardKey('SHIPPED', legacyOrder));
    expect((await getOrder(staleOrder))?.statusShard).toBe(statusShardKey('SHIPPED', staleOrder));
    expect((await getOrder(markerOrder))?.statusShard).toBeUndefined();

    const again = await reshardListings();
    expect([again.products.written, again.orders.written]).toEqual([0, 0]);
  });
});
