import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addCartItem } from '@/server/cart';
import type { ProductRecord } from '@/server/catalog';
import { placeOrder } from '@/server/checkout';
import { checkoutBody, putProduct, uniqueId } from '@/server/checkout/test-support/fixtures';
import { dynamoDoc } from '@/server/platform/aws/clients';
import { tableName } from '@/server/platform/db/tables';
import { rebuildSearchIndex } from '@/server/search';
import { forgetProductRecommendations, recommendForProduct, recommendForUser } from './index';
import { countOrdersOf } from './testing/count-orders-of';

// The local engine on the real local stack: orders placed through checkout (stock decrements included) become
// co-purchase counts (the orders-stream consumer's counting, fed the stored orders: countOrdersOf). No Personalize campaign is configured here, so every answer is source 'local'.

async function product(category: string, stock = 50): Promise<ProductRecord> {
  const p = await putProduct({ variants: [{ id: 'one', price: 2_000, stock }] });
  const record = { ...p, category };
  await dynamoDoc().send(new PutCommand({ TableName: tableName('products'), Item: record }));
  return record;
}

async function buy(userId: string, products: ProductRecord[]): Promise<void> {
  for (const p of products) await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'one', quantity: 1 });
  await placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() });
}

describe('local recommendations from real orders', () => {
  it('recommends what was bought together, most shared orders first, never the product itself or sold-out items', async () => {
    const category = uniqueId('cat');
    const [a, b, c, lastOne] = [await product(category), await product(category), await product(category), await product(category, 1)];
    const [u1, u2, u3, u4] = ['u1', 'u2', 'u3', 'u4'].map((u) => uniqueId(u)) as [string, string, string, string];
    await buy(u1, [a!, b!]);
    await buy(u2, [a!, b!, c!]);
    await buy(u3, [a!, c!, b!]);
    await buy(u4, [a!, lastOne!]); // buys the last unit: it is out of stock now
    await countOrdersOf([u1, u2, u3, u4]);
    forgetProductRecommendations();

    const recs = await recommendForProduct(a!.id, 4);
    expect(recs.source).toBe('local');
    const ids = recs.items.map((i) => i.id);
    expect(ids.slice(0, 2)).toEqual([b!.id, c!.id]);
    expect(ids).not.toContain(a!.id);
    expect(ids).not.toContain(lastOne!.id);
  });

  it('gives a shopper what others bought with their purchases, leaving out what they already own', async () => {
    const category = uniqueId('cat');
    const [tent, stove, lamp] = [await product(category), await product(category), await product(category)];
    const me = uniqueId('me');
    const others = [uniqueId('other'), uniqueId('other')] as const;
    await buy(me, [tent!]);
    await buy(others[0], [tent!, stove!]);
    await buy(others[1], [tent!, stove!, lamp!]);
    await countOrdersOf([me, ...others]);
    forgetProductRecommendations();

    const recs = await recommendForUser(me, 4);
    expect(recs.source).toBe('local');
    const ids = recs.items.map((i) => i.id);
    expect(ids.slice(0, 2)).toEqual([stove!.id, lamp!.id]);
    expect(ids).not.toContain(tent!.id);
  });

  it('fills a product nobody has bought from its category, best rated first, skipping sold-out ones', async () => {
    const category = uniqueId('cat');
    const cold = await product(category);
    const good = { ...(await product(category)), rating: 4.9 };
    const fair = { ...(await product(category)), rating: 3.1 };
    const soldOut = await product(category, 0);
    for (const r of [good, fair]) await dynamoDoc().send(new PutCommand({ TableName: tableName('products'), Item: r }));
    await product(uniqueId('elsewhere'));
    // The category pool comes from the search index, which the products stream keeps fresh in the app.
    await rebuildSearchIndex();

    const recs = await recommendForProduct(cold.id, 4);
    expect(recs).toMatchObject({ source: 'local' });
    expect(recs.items.map((i) => i.id)).toEqual([good.id, fair.id]);
    expect(recs.items.map((i) => i.id)).not.toContain(soldOut.id);
  });
});
