import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addCartItem } from '@/server/cart';
import { copyStockToProducts, type ProductRecord } from '@/server/catalog';
import { editProduct } from '@/server/catalog/editing/edit-product';
import { importCatalog, productIdFromSlug } from '@/server/catalog/import';
import { placeOrder } from '@/server/checkout/place-order';
import { checkoutBody, putProduct, shardUnitsOf, stockOf, uniqueId } from '@/server/checkout/test-support/fixtures';
import { cancelOrder } from '@/server/orders';
import { dynamoDoc } from '@/server/platform/aws/clients';
import { tableName } from '@/server/platform/db/tables';
import { isAppError } from '@/server/platform/errors';
import { readProductShards, reshardVariant } from '.';

// The stock ledger (ADR 0029) against DynamoDB Local: checkout takes units from the ledger and never writes the
// product item; the product's copy of the totals follows off the checkout path; cancellations, marketers' edits,
// unpublishing, resharding and the catalog import all keep the units exact.

const marketer = { id: 'mkt-ledger', email: 'marketer@example.com', name: 'Mia Marketer', groups: ['marketers'] };

const productItem = async (id: string) =>
  (await dynamoDoc().send(new GetCommand({ TableName: tableName('products'), Key: { id }, ConsistentRead: true }))).Item as ProductRecord & {
    stockSeq?: number;
  };

async function buy(productId: string, variantId: string, quantity = 1) {
  const userId = uniqueId('ledger-buyer');
  await addCartItem({ kind: 'user', userId }, { productId, variantId, quantity });
  return { userId, ...(await placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() })) };
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return isAppError(err) ? err.code : String(err);
  }
  return 'no refusal';
};

describe('the stock ledger', () => {
  it('sells from the ledger, leaves the product item alone, and copies the totals onto it once, newest only', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_200, stock: 9 }], stockShards: 3 });
    const before = await productItem(p.id);
    await buy(p.id, 'v', 2);
    await buy(p.id, 'v', 1);
    expect(await stockOf(p.id, 'v')).toBe(6);
    expect(await productItem(p.id)).toEqual(before);

    expect(await copyStockToProducts([p.id, p.id])).toBe(1);
    expect((await productItem(p.id)).stock).toEqual({ v: 6 });
    // Nothing newer in the ledger: a second (or redelivered) copy writes nothing.
    expect(await copyStockToProducts([p.id])).toBe(0);
    // A copy of a product without a ledger writes nothing either.
    const legacy = await putProduct({ variants: [{ id: 'v', price: 1_200, stock: 4 }] });
    expect(await copyStockToProducts([legacy.id])).toBe(0);
  });

  it('refuses a line the shards no longer hold (409 OUT_OF_STOCK), and takes a big line from several shards', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 7 }], stockShards: 3 }); // 3, 2, 2
    await buy(p.id, 'v', 6); // more than any one shard holds
    expect(await stockOf(p.id, 'v')).toBe(1);
    expect((await shardUnitsOf(p.id, 'v')).every((u) => u >= 0)).toBe(true);
    expect(await refusal(buy(p.id, 'v', 2))).toBe('OUT_OF_STOCK');
    expect(await stockOf(p.id, 'v')).toBe(1);
  });

  it('gives a cancelled order’s units back to the ledger, exactly once', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 5 }], stockShards: 2 });
    const { userId, order } = await buy(p.id, 'v', 3);
    expect(await stockOf(p.id, 'v')).toBe(2);
    await cancelOrder(order.id, { by: 'shopper', userId });
    expect(await stockOf(p.id, 'v')).toBe(5);
    expect(await refusal(cancelOrder(order.id, { by: 'shopper', userId }))).not.toBe('no refusal');
    expect(await stockOf(p.id, 'v')).toBe(5);
  });

  it('lets a marketer set a ledger product’s stock against the count they saw, and refuses after a sale in between', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 10 }], stockShards: 4 });
    await buy(p.id, 'v', 1);
    const stale = await refusal(editProduct(marketer, p.id, { variants: [{ id: 'v', stock: 40, expectedStock: 10 }], expectedVersion: 0 }));
    expect(stale).toBe('STOCK_CHANGED');
    const edited = await editProduct(marketer, p.id, { variants: [{ id: 'v', stock: 40, expectedStock: 9 }], expectedVersion: 0 });
    expect(edited.variants).toEqual([expect.objectContaining({ id: 'v', available: 40 })]);
    expect(await shardUnitsOf(p.id, 'v')).toEqual([10, 10, 10, 10]);
    // The edit wrote the copy with the ledger's counter, so an older copy cannot overwrite it.
    expect((await productItem(p.id)).stock).toEqual({ v: 40 });
    expect(await copyStockToProducts([p.id])).toBe(0);
  });

  it('closes the shards of an unpublished product so nothing is sold from them, and opens them again', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 4 }], stockShards: 2 });
    const userId = uniqueId('ledger-buyer');
    await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 1 });
    await editProduct(marketer, p.id, { published: false, expectedVersion: 0 });
    expect((await readProductShards(p.id)).map((s) => s.closed)).toEqual([true, true]);
    expect(await refusal(placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() }))).not.toBe('no refusal');
    expect(await stockOf(p.id, 'v')).toBe(4);
    await editProduct(marketer, p.id, { published: true, expectedVersion: 1 });
    expect((await readProductShards(p.id)).map((s) => s.closed)).toEqual([false, false]);
    await placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() });
    expect(await stockOf(p.id, 'v')).toBe(3);
  });

  it('reshards a variant for a flash sale without changing its units, and back to one shard', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 10 }], stockShards: 1 });
    expect(await reshardVariant(p.id, 'v', 4)).toEqual({ units: 10, shards: [3, 3, 2, 2] });
    await buy(p.id, 'v', 1);
    expect(await stockOf(p.id, 'v')).toBe(9);
    expect((await reshardVariant(p.id, 'v', 1)).shards).toEqual([9, 0, 0, 0]);
    expect(await stockOf(p.id, 'v')).toBe(9);
  });

  it('is read by checkout by key: shard 0 states the count, a reshard after a checkout is seen, stock without a count is queried', async () => {
    const counted = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 4 }], stockShards: 1 });
    const shard0 = async (id: string) =>
      (await dynamoDoc().send(new GetCommand({ TableName: tableName('stock'), Key: { productId: id, slot: 'v#0' }, ConsistentRead: true }))).Item;
    expect((await shard0(counted.id))?.shards).toBe(1);
    await buy(counted.id, 'v', 1); // this process now reads 1 slot of it
    // Resharded after: shard 0 says 3, so the next checkout reads the other 2 before pricing, and sells every unit.
    await reshardVariant(counted.id, 'v', 3);
    expect((await shard0(counted.id))?.shards).toBe(3);
    await buy(counted.id, 'v', 3);
    expect(await shardUnitsOf(counted.id, 'v')).toEqual([0, 0, 0]);
    expect(await refusal(buy(counted.id, 'v', 1))).toBe('OUT_OF_STOCK');
    // Stock written before shard 0 carried a count: the lines are priced from a Query of the product's shards.
    const legacy = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 6 }], stockShards: 3 });
    await dynamoDoc().send(new UpdateCommand({ TableName: tableName('stock'), Key: { productId: legacy.id, slot: 'v#0' }, UpdateExpression: 'REMOVE shards' }));
    await buy(legacy.id, 'v', 5); // more than shard 0's 2 units: priced from all three
    expect(await stockOf(legacy.id, 'v')).toBe(1);
    expect(await refusal(buy(legacy.id, 'v', 2))).toBe('OUT_OF_STOCK');
  });

  it('is written by the catalog import: new products get their units on the ledger, a re-import sets them again', async () => {
    const slug = uniqueId('ledger-import');
    const row = (stock: number) => ({
      slug,
      name: 'Imported kettle',
      category: 'ledger-import',
      categoryName: 'Ledger import',
      brand: 'Fixture Co',
      description: 'Imported by the stock ledger test.',
      images: ['/images/products/test.png'],
      tags: [],
      rating: 4,
      reviewCount: 1,
      createdAt: '2026-01-01T00:00:00Z',
      featuredRank: 5,
      variants: [{ id: 'one', options: { size: 'one' }, price: 2_000, stock }],
    });
    await importCatalog([row(12)]);
    const id = productIdFromSlug(slug);
    expect(await stockOf(id, 'one')).toBe(12);
    expect((await productItem(id)).stockLedger).toBe(true);
    await buy(id, 'one', 2);
    await importCatalog([row(30)]);
    expect(await stockOf(id, 'one')).toBe(30);
  });
});
