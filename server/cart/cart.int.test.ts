import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dynamoDoc } from '@/server/platform/aws/clients';
import { tableName } from '@/server/platform/db/tables';
import { putProduct, uniqueId } from '../checkout/test-support/fixtures';
import { apiRequest, params, requestContext, resetRequestContext, testUser } from '../checkout/test-support/request-context';

vi.mock('next/headers', async () => (await import('../checkout/test-support/request-context')).nextHeadersOnContext());
vi.mock('@/server/identity', async (importOriginal) =>
  (await import('../checkout/test-support/request-context')).identityOnContext(await importOriginal<typeof import('@/server/identity')>()),
);

const cartRoute = await import('@/app/api/cart/route');
const cartItemsRoute = await import('@/app/api/cart/items/route');
const cartLineRoute = await import('@/app/api/cart/items/[lineId]/route');
const { addCartItem, getCart, mergeGuestCart, MAX_CART_LINES } = await import('@/server/cart');

type CartJson = {
  id: string;
  items: {
    lineId: string;
    productId: string;
    variantId: string;
    name: string;
    quantity: number;
    unitPrice: { amount: number; currency: string };
    lineTotal: { amount: number };
    available: boolean;
    availableQuantity: number;
  }[];
  subtotal: { amount: number };
  itemCount: number;
};
type ErrorJson = { error: { code: string; message: string; details?: unknown } };

const json = async <T>(res: Response) => (await res.json()) as T;
const add = (body: unknown) => cartItemsRoute.POST(apiRequest('POST', '/api/cart/items', { body }), undefined);
const patch = (lineId: string, body: unknown) => cartLineRoute.PATCH(apiRequest('PATCH', `/api/cart/items/${lineId}`, { body }), params({ lineId }));
const remove = (lineId: string) => cartLineRoute.DELETE(apiRequest('DELETE', `/api/cart/items/${lineId}`), params({ lineId }));

beforeEach(() => resetRequestContext());

describe('cart API', () => {
  it('prices a posted line from the catalog and ignores a price field', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 2_599, stock: 5 }] });
    const res = await add({ productId: p.id, variantId: 'v', quantity: 2, price: { amount: 1, currency: 'USD' }, unitPrice: 1 });
    expect(res.status).toBe(200);
    const cart = await json<CartJson>(res);
    expect(cart.items[0]).toMatchObject({ unitPrice: { amount: 2_599, currency: 'USD' }, lineTotal: { amount: 5_198 }, quantity: 2, available: true });
    expect(cart.subtotal.amount).toBe(5_198);
  });

  it('raises the quantity of a variant already in the cart instead of adding a line', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 10 }] });
    await add({ productId: p.id, variantId: 'v', quantity: 2 });
    const cart = await json<CartJson>(await add({ productId: p.id, variantId: 'v', quantity: 3 }));
    expect(cart.items).toHaveLength(1);
    expect(cart.itemCount).toBe(5);
  });

  it('answers 409 OUT_OF_STOCK with the numbers when asking for more than is available', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 3 }] });
    await add({ productId: p.id, variantId: 'v', quantity: 2 });
    const res = await add({ productId: p.id, variantId: 'v', quantity: 2 });
    expect(res.status).toBe(409);
    const body = await json<ErrorJson>(res);
    expect(body.error.code).toBe('OUT_OF_STOCK');
    expect(body.error.message).toMatch(/Only 3/);
    expect(body.error.details).toEqual({ lines: [{ productId: p.id, variantId: 'v', requested: 4, available: 3 }] });
  });

  it('validates quantities and ids', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 500 }] });
    expect((await add({ productId: p.id, variantId: 'v', quantity: 0 })).status).toBe(400);
    expect((await add({ productId: p.id, variantId: 'v', quantity: 100 })).status).toBe(400);
    expect((await add({ productId: p.id, variantId: 'v', quantity: 2.5 })).status).toBe(400);
    await add({ productId: p.id, variantId: 'v', quantity: 98 });
    const over = await add({ productId: p.id, variantId: 'v', quantity: 2 });
    expect(over.status).toBe(400);
    expect((await json<ErrorJson>(over)).error.message).toMatch(/at most 99/);
    const unknownProduct = await add({ productId: 'no-such-product', variantId: 'v' });
    expect(unknownProduct.status).toBe(404);
    const unknownVariant = await add({ productId: p.id, variantId: 'nope' });
    expect(unknownVariant.status).toBe(404);
    expect((await json<ErrorJson>(unknownVariant)).error.message).toMatch(/no variant "nope"/);
    const badJson = await cartItemsRoute.POST(
      new Request('http://localhost:3000/api/cart/items', { method: 'POST', headers: { origin: 'http://localhost:3000' }, body: '{' }),
      undefined,
    );
    expect(badJson.status).toBe(400);
  });

  it(`holds at most ${50} lines`, async () => {
    const p = await putProduct({ variants: Array.from({ length: 51 }, (_, i) => ({ id: `v${i}`, price: 100, stock: 5 })) });
    const userId = uniqueId('user');
    for (let i = 0; i < MAX_CART_LINES; i++) await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: `v${i}`, quantity: 1 });
    await expect(addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v50', quantity: 1 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('sets quantities with PATCH, removes with 0 or DELETE, and 404s an unknown line', async () => {
    const p = await putProduct({
      variants: [
        { id: 'a', price: 1_000, stock: 5 },
        { id: 'b', price: 1_000, stock: 5 },
      ],
    });
    await add({ productId: p.id, variantId: 'a', quantity: 1 });
    const cart = await json<CartJson>(await add({ productId: p.id, variantId: 'b', quantity: 1 }));
    const [a, b] = cart.items;
    expect((await json<CartJson>(await patch(a!.lineId, { quantity: 4 }))).itemCount).toBe(5);
    expect((await patch(a!.lineId, { quantity: 6 })).status).toBe(409);
    expect((await json<CartJson>(await patch(a!.lineId, { quantity: 0 }))).items.map((i) => i.lineId)).toEqual([b!.lineId]);
    expect((await json<CartJson>(await remove(b!.lineId))).items).toEqual([]);
    expect((await remove(b!.lineId)).status).toBe(404);
    expect((await patch('not-a-line', { quantity: 1 })).status).toBe(404);
  });

  it('starts a new cart when the cookie is tampered with', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 5 }] });
    await add({ productId: p.id, variantId: 'v', quantity: 1 });
    const original = requestContext.cookies.get('sf_cart')!;
    const [id, sig] = original.split('.');
    requestContext.cookies.set('sf_cart', `${id!.slice(0, -1)}${id!.endsWith('A') ? 'B' : 'A'}.${sig}`);
    const fresh = await json<CartJson>(await cartRoute.GET(apiRequest('GET', '/api/cart'), undefined));
    expect(fresh.items).toEqual([]);
    expect(requestContext.cookies.get('sf_cart')).not.toBe(original);
    requestContext.cookies.set('sf_cart', original);
    expect((await json<CartJson>(await cartRoute.GET(apiRequest('GET', '/api/cart'), undefined))).itemCount).toBe(1);
  });

  it('flags lines that are no longer available on the next read', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 5 }] });
    const owner = { kind: 'user' as const, userId: uniqueId('user') };
    await addCartItem(owner, { productId: p.id, variantId: 'v', quantity: 2 });
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('products'),
        Key: { id: p.id },
        UpdateExpression: 'SET stock.#v = :z, variants[0].price = :p',
        ExpressionAttributeNames: { '#v': 'v' },
        ExpressionAttributeValues: { ':z': 1, ':p': 1_250 },
      }),
    );
    const cart = await getCart(owner);
    expect(cart.items[0]).toMatchObject({ available: false, availableQuantity: 1, unitPrice: { amount: 1_250 } });
  });

  it('merges a guest cart on sign-in with quantities added and capped by stock, then deletes it', async () => {
    const p = await putProduct({
      variants: [
        { id: 'v', price: 1_000, stock: 4 },
        { id: 'w', price: 1_000, stock: 9 },
      ],
    });
    const guestId = `AAAAAAAAAAAAAAAAAAAAA${Math.floor(Math.random() * 10)}`;
    const userId = uniqueId('user');
    await addCartItem({ kind: 'guest', guestId }, { productId: p.id, variantId: 'v', quantity: 3 });
    await addCartItem({ kind: 'guest', guestId }, { productId: p.id, variantId: 'w', quantity: 2 });
    await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 2 });
    expect(await mergeGuestCart(guestId, userId)).toBe(true);
    const merged = await getCart({ kind: 'user', userId });
    expect(merged.items.map((i) => [i.variantId, i.quantity])).toEqual([
      ['v', 4],
      ['w', 2],
    ]);
    expect((await getCart({ kind: 'guest', guestId })).items).toEqual([]);
    // Running the merge again (a retried sign-in) adds nothing.
    await mergeGuestCart(guestId, userId);
    expect((await getCart({ kind: 'user', userId })).itemCount).toBe(6);
  });

  it('gives a signed-in shopper the user cart, not the guest one', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 5 }] });
    await add({ productId: p.id, variantId: 'v', quantity: 1 });
    requestContext.user = testUser(uniqueId('user'));
    expect((await json<CartJson>(await cartRoute.GET(apiRequest('GET', '/api/cart'), undefined))).items).toEqual([]);
  });
});
