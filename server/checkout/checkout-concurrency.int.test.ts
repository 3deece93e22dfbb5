import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addCartItem } from '@/server/cart';
import { dynamoDoc } from '@/server/platform/aws/clients';
import { tableName } from '@/server/platform/db/tables';
import { isAppError } from '@/server/platform/errors';
import { placeOrder } from './place-order';
import { checkoutBody, orderCount, putProduct, shardUnitsOf, stockOf, uniqueId } from './test-support/fixtures';

const productItem = async (id: string) =>
  (await dynamoDoc().send(new GetCommand({ TableName: tableName('products'), Key: { id }, ConsistentRead: true }))).Item;
const countBy = (codes: string[]) => Object.fromEntries([...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length]));

describe('checkout under contention', () => {
  it('sells exactly 10 of a variant with stock 10 to 50 concurrent shoppers; the other 40 get OUT_OF_STOCK', async () => {
    const p = await putProduct({ variants: [{ id: 'limited', price: 4_999, stock: 10 }] });
    const users = Array.from({ length: 50 }, () => uniqueId('racer'));
    for (const userId of users) await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'limited', quantity: 1 });

    const started = performance.now();
    const results = await Promise.allSettled(users.map((userId) => placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() })));
    const ms = Math.round(performance.now() - started);

    const placed = results.filter((r) => r.status === 'fulfilled');
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [isAppError(r.reason) ? r.reason.code : String(r.reason)] : []));
    const counts = await Promise.all(users.map(orderCount));
    console.log(
      `[measure] 50 concurrent checkouts, stock 10: ${placed.length} placed, ${codes.filter((c) => c === 'OUT_OF_STOCK').length} OUT_OF_STOCK, other: ${JSON.stringify(codes.filter((c) => c !== 'OUT_OF_STOCK'))}, ${ms} ms`,
    );

    expect(placed).toHaveLength(10);
    expect(codes).toEqual(Array(40).fill('OUT_OF_STOCK'));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(await stockOf(p.id, 'limited')).toBe(0);
  }, 120_000);

  it('sells exactly 30 of a flash-sale SKU spread over 5 stock shards to 100 racing shoppers; no shard goes below 0, the product item is never written', async () => {
    const p = await putProduct({ variants: [{ id: 'hot', price: 1_999, stock: 30 }], stockShards: 5 });
    const users = Array.from({ length: 100 }, () => uniqueId('flash'));
    for (const userId of users) await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'hot', quantity: 1 });
    const productBefore = await productItem(p.id);

    const results = await Promise.allSettled(users.map((userId) => placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() })));

    const placed = results.filter((r) => r.status === 'fulfilled');
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [isAppError(r.reason) ? r.reason.code : String(r.reason)] : []));
    console.log(`[measure] 100 racing checkouts, stock 30 in 5 shards: ${placed.length} placed, other answers: ${JSON.stringify(countBy(codes))}`);
    expect(placed).toHaveLength(30);
    // The losers are told the truth: out of stock, or (never more than a few) busy, to retry; nobody gets a 500.
    expect(codes.filter((c) => c !== 'OUT_OF_STOCK' && c !== 'UNAVAILABLE')).toEqual([]);
    expect((await Promise.all(users.map(orderCount))).reduce((a, b) => a + b, 0)).toBe(30);
    expect(await shardUnitsOf(p.id, 'hot')).toEqual([0, 0, 0, 0, 0]);
    // Checkout wrote the ledger only: the product item (and its index projections) is as it was.
    expect(await productItem(p.id)).toEqual(productBefore);
  }, 120_000);

  it('answers 20 rounds of the same key sent 5 times at once with exactly one order per round', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 1_000 }] });
    const started = performance.now();
    for (let round = 0; round < 20; round++) {
      const userId = uniqueId('retrier');
      await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 1 });
      const key = crypto.randomUUID();
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => placeOrder({ userId, idempotencyKey: key, body: checkoutBody() })));
      const ids = results.map((r) => (r.status === 'fulfilled' ? r.value.order.id : `rejected: ${isAppError(r.reason) ? r.reason.code : String(r.reason)}`));
      expect(new Set(ids).size, `round ${round}: ${ids.join(', ')}`).toBe(1);
      expect(ids[0]).toMatch(/^ord_/);
      expect(results.filter((r) => r.status === 'fulfilled' && !r.value.replayed)).toHaveLength(1);
      expect(await orderCount(userId)).toBe(1);
    }
    console.log(`[measure] 20 rounds × 5 concurrent same-key checkouts: ${Math.round(performance.now() - started)} ms`);
    expect(await stockOf(p.id, 'v')).toBe(980);
  }, 120_000);
});
