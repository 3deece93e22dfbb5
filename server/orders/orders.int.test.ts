import { describe, expect, it } from 'vitest';
import { addCartItem } from '@/server/cart';
import { placeOrder } from '@/server/checkout';
import { checkoutBody, putProduct, uniqueId } from '../checkout/test-support/fixtures';
import { getOrder, listOrders } from './index';

describe('orders', () => {
  it('lists a shopper’s own orders newest first, page by page, to the end', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 10 }] });
    const userId = uniqueId('user');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 1 });
      ids.push((await placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() })).order.id);
      await new Promise((r) => setTimeout(r, 5));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOrders(userId, { limit: 2, cursor });
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const first = await listOrders(userId, { limit: 3 });
    expect(first.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({ status: 'PLACED', itemCount: 1 });
    expect(await listOrders(uniqueId('someone-else'), { limit: 10 })).toEqual({ items: [], nextCursor: null });
    expect(await getOrder(uniqueId('someone-else'), ids[0]!)).toBeNull();
  });

  it('refuses a forged cursor with INVALID_CURSOR', async () => {
    await expect(listOrders('u', { limit: 2, cursor: 'bm90LWpzb24' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });
});
