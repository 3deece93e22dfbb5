import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addCartItem, readStoredCart } from '@/server/cart';
import { checkoutBody, idempotencyRecordExists, orderCount, putProduct, stockOf } from '@/server/checkout/test-support/fixtures';
import { dynamoClient } from '@/server/platform/aws/clients';
import { type Buyer, createBuyers } from './support/cognito-buyers';
import { answeredInTime, freeze, thaw, whileFrozen } from './support/freeze';
import { browserRequest, callRoute, type RouteResult } from './support/request-scope';

// Fault suite (issue 19, item 2): DynamoDB Local frozen with SIGSTOP during POST /api/checkout. Two moments:
// - before checkout starts: its first read times out, so it answers 503 UNAVAILABLE with Retry-After within the hang
//   bound and has written nothing (no order, stock as it was, no idempotency record to block the retry, the cart
//   intact); after SIGCONT the same Idempotency-Key places the order exactly once.
// - as the transaction goes out: the outcome is unknown to the app (the frozen server may still apply the buffered
//   request when it wakes), so it answers 503 too; after SIGCONT the same key must end in exactly one order and one
//   stock decrement, whichever of the two transactions wins.
// Checkout's own loop retries only cancellation verdicts; a timeout leaves it at once with the SDK's error, which the
// HTTP layer answers as 503 (server/platform/http/respond.ts).

vi.mock('next/headers', async () => (await import('./support/request-scope')).nextHeadersStub);
const checkoutRoute = await import('@/app/api/checkout/route');

let buyer: Buyer;
beforeAll(async () => {
  [buyer] = (await createBuyers(1, 'frozen-checkout')) as [Buyer];
});
afterEach(() => thaw('dynamodb'));

const checkout = (key: string) =>
  callRoute(
    checkoutRoute.POST,
    browserRequest('POST', '/api/checkout', { cookies: new Map([['sf_at', buyer.accessToken]]), body: checkoutBody(), headers: { 'idempotency-key': key } }),
    undefined,
  );

async function freshCart() {
  const p = await putProduct({ variants: [{ id: 'v', price: 2_500, stock: 10 }] });
  await addCartItem({ kind: 'user', userId: buyer.sub }, { productId: p.id, variantId: 'v', quantity: 2 });
  return p;
}

const cartLines = async () => (await readStoredCart(`user#${buyer.sub}`))?.lines.map((l) => `${l.productId}/${l.variantId}×${l.quantity}`) ?? [];

function expectUnavailable(res: RouteResult): void {
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  expect(res.body).toMatchObject({ error: { code: 'UNAVAILABLE' } });
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

/** The same key, retried as the client is told to: one order, and every later call replays it. */
async function expectExactlyOnce(key: string, productId: string, ordersBefore: number): Promise<void> {
  const retry = await checkout(key);
  expect(retry.status, JSON.stringify(retry.body)).toBe(201);
  const again = await checkout(key);
  expect(again.status).toBe(201);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect((again.body as { order: { id: string } }).order.id).toBe((retry.body as { order: { id: string } }).order.id);
  expect(await orderCount(buyer.sub)).toBe(ordersBefore + 1);
  expect(await stockOf(productId, 'v')).toBe(8);
  expect(await cartLines()).toEqual([]);
}

describe('checkout with DynamoDB frozen', () => {
  it('answers 503 with Retry-After instead of hanging, writes nothing, and the same key completes once after SIGCONT', async () => {
    const p = await freshCart();
    const ordersBefore = await orderCount(buyer.sub);
    const linesBefore = await cartLines();
    const key = crypto.randomUUID();

    const res = await whileFrozen('dynamodb', () => answeredInTime('POST /api/checkout', checkout(key)));
    expectUnavailable(res);

    expect(await orderCount(buyer.sub)).toBe(ordersBefore);
    expect(await stockOf(p.id, 'v')).toBe(10);
    expect(await idempotencyRecordExists(buyer.sub, key)).toBe(false);
    expect(await cartLines()).toEqual(linesBefore);

    await expectExactlyOnce(key, p.id, ordersBefore);
  }, 60_000);

  it('answers 503 when DynamoDB freezes as the transaction is sent, and the same key still ends in exactly one order', async () => {
    const p = await freshCart();
    const ordersBefore = await orderCount(buyer.sub);
    const key = crypto.randomUUID();

    // Freezes DynamoDB Local the moment the first TransactWriteItems of this test is about to be sent.
    const name = `freeze-before-transaction-${key}`;
    let armed = true;
    dynamoClient().middlewareStack.add(
      (next, context) => async (args) => {
        if (armed && context.commandName === 'TransactWriteItemsCommand') {
          armed = false;
          freeze('dynamodb');
        }
        return next(args);
      },
      { step: 'finalizeRequest', name, override: true },
    );
    let res: RouteResult;
    try {
      res = await answeredInTime('POST /api/checkout', checkout(key));
    } finally {
      dynamoClient().middlewareStack.remove(name);
      thaw('dynamodb');
    }
    expect(armed, 'the transaction was reached').toBe(false);
    expectUnavailable(res);

    await expectExactlyOnce(key, p.id, ordersBefore);
  }, 60_000);
});
