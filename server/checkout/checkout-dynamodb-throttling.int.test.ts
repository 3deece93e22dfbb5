import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readStoredCart } from '@/server/cart';
import { readOrderRecord } from '@/server/orders/order-store';
import type { PaymentProvider } from '@/server/payments';
import { getPaymentProvider } from '@/server/payments';
import { dynamoClient } from '@/server/platform/aws/clients';
import { type Buyer, createBuyers } from '@/tests/hardening/support/cognito-buyers';
import { type Injector, injectThrottling } from '@/tests/hardening/support/dynamodb-faults';
import { browserRequest, callRoute } from '@/tests/hardening/support/request-scope';
import { checkoutBody, idempotencyRecordExists, orderCount, putProduct, stockOf } from './test-support/fixtures';

// Fault suite (issue 7, item 3): DynamoDB throttling injected into the app's own DynamoDB client through its
// middleware stack (tests/hardening/support/dynamodb-faults.ts), below the SDK's retry middleware, so the real SDK
// retry strategy (maxAttempts 5 from server/platform/aws/clients.ts, exponential backoff with jitter) does the retrying.
// Checkout must either complete with exactly one order or fail cleanly: a 503 the client may retry, and nothing
// written (no order, no stock change, no idempotency record that would block the retry, the cart intact).

vi.mock('next/headers', async () => (await import('@/tests/hardening/support/request-scope')).nextHeadersStub);
const checkoutRoute = await import('@/app/api/checkout/route');
const { placeOrder } = await import('./place-order');

let buyer: Buyer;
let faults: Injector;

beforeAll(async () => {
  [buyer] = (await createBuyers(1, 'throttled')) as [Buyer];
  faults = injectThrottling(dynamoClient());
});
afterEach(() => faults.setRules([]));
afterAll(() => faults.remove());

async function freshCart(stock = 10) {
  const p = await putProduct({ variants: [{ id: 'v', price: 2_500, stock }] });
  const { addCartItem } = await import('@/server/cart');
  await addCartItem({ kind: 'user', userId: buyer.sub }, { productId: p.id, variantId: 'v', quantity: 2 });
  return p;
}

const checkout = (key: string) =>
  callRoute(
    checkoutRoute.POST,
    browserRequest('POST', '/api/checkout', { cookies: new Map([['sf_at', buyer.accessToken]]), body: checkoutBody(), headers: { 'idempotency-key': key } }),
    undefined,
  );

const cartLines = async () => (await readStoredCart(`user#${buyer.sub}`))?.lines.map((l) => `${l.productId}/${l.variantId}×${l.quantity}`) ?? [];

describe('checkout with DynamoDB throttling injected into the SDK client', () => {
  it('completes when every call is throttled at first: the SDK retries each with backoff, and one order is written', async () => {
    const p = await freshCart();
    const ordersBefore = await orderCount(buyer.sub);
    const key = crypto.randomUUID();
    faults.setRules([
      { operation: 'TransactWriteItems', attemptsPerCall: 2, kind: 'ProvisionedThroughputExceededException' },
      { operation: '*', attemptsPerCall: 1, kind: 'ThrottlingException' },
    ]);
    const started = faults.attempts.length;
    const res = await checkout(key);
    const seen = faults.attempts.slice(started);
    faults.setRules([]);

    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // Every read on the way (idempotency record, cart, products) and the transaction were throttled and retried.
    for (const op of ['GetItem', 'BatchGetItem', 'TransactWriteItems']) {
      expect(seen.filter((a) => a.operation === op && a.throttled !== null).length, op).toBeGreaterThan(0);
    }
    const tx = faults.calls.filter((c) => c.operation === 'TransactWriteItems').at(-1)!;
    expect(tx).toMatchObject({ attempts: 3 });
    expect(tx.totalRetryDelay).toBeGreaterThan(0);
    // The two throttled attempts never reached the table; the third committed once.
    expect(seen.filter((a) => a.operation === 'TransactWriteItems').map((a) => [a.attempt, a.throttled !== null])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);

    expect(await orderCount(buyer.sub)).toBe(ordersBefore + 1);
    expect(await stockOf(p.id, 'v')).toBe(8);
    expect(await idempotencyRecordExists(buyer.sub, key)).toBe(true);
    expect(await cartLines()).toEqual([]);
  }, 45_000);

  it('fails cleanly with 503 + Retry-After when the transaction stays throttled through every SDK attempt; the same key then completes once', async () => {
    const p = await freshCart();
    const ordersBefore = await orderCount(buyer.sub);
    const linesBefore = await cartLines();
    const key = crypto.randomUUID();
    faults.setRules([{ operation: 'TransactWriteItems', attemptsPerCall: Infinity, kind: 'ProvisionedThroughputExceededException' }]);
    const started = faults.attempts.length;
    const res = await checkout(key);
    const seen = faults.attempts.slice(started).filter((a) => a.operation === 'TransactWriteItems');
    faults.setRules([]);

    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.body).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // The SDK gave it the client's full 5 attempts, spaced by its backoff, and none reached the table.
    const tx = faults.calls.filter((c) => c.operation === 'TransactWriteItems').at(-1)!;
    expect(tx).toMatchObject({ attempts: 5, error: 'ProvisionedThroughputExceededException' });
    expect(tx.totalRetryDelay).toBeGreaterThan(0);
    expect(seen.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(seen.every((a) => a.throttled !== null)).toBe(true);

    // Nothing half-written: no order, stock as it was, no idempotency record to block the retry, the cart intact.
    expect(await orderCount(buyer.sub)).toBe(ordersBefore);
    expect(await stockOf(p.id, 'v')).toBe(10);
    expect(await idempotencyRecordExists(buyer.sub, key)).toBe(false);
    expect(await cartLines()).toEqual(linesBefore);

    // The throttling passes; the client retries with the same key as told, and gets one order.
    const retry = await checkout(key);
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    const again = await checkout(key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((again.body as { order: { id: string } }).order.id).toBe((retry.body as { order: { id: string } }).order.id);
    expect(await orderCount(buyer.sub)).toBe(ordersBefore + 1);
    expect(await stockOf(p.id, 'v')).toBe(8);
  }, 45_000);

  it('backs off and completes when DynamoDB cancels the transaction for throttling (CancellationReasons: ThrottlingError)', async () => {
    const p = await freshCart();
    const ordersBefore = await orderCount(buyer.sub);
    const key = crypto.randomUUID();
    // Not retried by the SDK (TransactionCanceledException is not a throttling error by name): checkout's own loop
    // must see the reason, pause with growing delays, and try again.
    faults.setRules([{ operation: 'TransactWriteItems', total: 3, kind: 'TransactionThrottled' }]);
    const started = faults.attempts.length;
    const res = await checkout(key);
    const seen = faults.attempts.slice(started).filter((a) => a.operation === 'TransactWriteItems');
    faults.setRules([]);

    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(seen.map((a) => a.throttled !== null)).toEqual([true, true, true, false]);
    // Each SDK call made one attempt; the spacing between calls is checkout's backoff (at least half of a
    // doubling ceiling: 25, 50, 100 ms), not a tight loop against a throttled table.
    const gaps = seen.slice(1).map((a, i) => a.at - seen[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(25);
    expect(gaps[1]).toBeGreaterThanOrEqual(50);
    expect(gaps[2]).toBeGreaterThanOrEqual(100);
    expect(await orderCount(buyer.sub)).toBe(ordersBefore + 1);
    expect(await stockOf(p.id, 'v')).toBe(8);
  }, 45_000);

  it('gives up cleanly after its attempts when the transaction is always cancelled for throttling: 503, nothing written, the hold released', async () => {
    const p = await freshCart();
    const ordersBefore = await orderCount(buyer.sub);
    const linesBefore = await cartLines();
    const key = crypto.randomUUID();
    const holds = { authorized: 0, voided: [] as string[] };
    const provider: PaymentProvider = {
      name: 'recording-sandbox',
      async authorize() {
        holds.authorized++;
        return { approved: true, brand: 'visa', last4: '4242', authorizationId: `auth_${holds.authorized}` };
      },
      async void(id) {
        holds.voided.push(id);
      },
    };
    faults.setRules([{ operation: 'TransactWriteItems', attemptsPerCall: Infinity, kind: 'TransactionThrottled' }]);
    const started = faults.attempts.length;
    const outcome = await placeOrder({ userId: buyer.sub, idempotencyKey: key, body: checkoutBody(), provider }).then(
      () => null,
      (err: unknown) => err as { code?: string; status?: number },
    );
    const tries = faults.attempts.slice(started).filter((a) => a.operation === 'TransactWriteItems');
    faults.setRules([]);

    expect(outcome).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    expect(tries.length).toBeGreaterThan(1);
    expect(tries.every((a) => a.throttled !== null)).toBe(true);
    expect(holds).toEqual({ authorized: 1, voided: ['auth_1'] });
    expect(await orderCount(buyer.sub)).toBe(ordersBefore);
    expect(await stockOf(p.id, 'v')).toBe(10);
    expect(await idempotencyRecordExists(buyer.sub, key)).toBe(false);
    expect(await cartLines()).toEqual(linesBefore);
  }, 45_000);

  it('a retry after an unknown outcome reuses the first hold instead of holding the money twice', async () => {
    await freshCart();
    const key = crypto.randomUUID();
    const sandbox = getPaymentProvider();
    const asked: { idempotencyKey: string; authorizationId: string | null }[] = [];
    const voided: string[] = [];
    const provider: PaymentProvider = {
      name: 'sandbox',
      async authorize(request) {
        const result = await sandbox.authorize(request);
        asked.push({ idempotencyKey: request.idempotencyKey, authorizationId: result.approved ? result.authorizationId : null });
        return result;
      },
      async void(id) {
        voided.push(id);
        await sandbox.void(id);
      },
    };
    // The SDK gives up on a throttled write: the outcome is unknown to checkout, so it keeps the hold.
    faults.setRules([{ operation: 'TransactWriteItems', attemptsPerCall: Infinity, kind: 'ProvisionedThroughputExceededException' }]);
    const first = await placeOrder({ userId: buyer.sub, idempotencyKey: key, body: checkoutBody(), provider }).then(
      () => null,
      (err: unknown) => err as { name?: string },
    );
    faults.setRules([]);
    // The SDK's own error leaves placeOrder; the route turns it into 503 + Retry-After (the case above).
    expect(first).toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    expect(voided).toEqual([]);

    const retry = await placeOrder({ userId: buyer.sub, idempotencyKey: key, body: checkoutBody(), provider });
    expect(asked).toHaveLength(2);
    expect(asked[1]!.idempotencyKey).toBe(asked[0]!.idempotencyKey);
    expect(asked[1]!.authorizationId).toBe(asked[0]!.authorizationId);
    expect((await readOrderRecord(buyer.sub, retry.order.id))?.payment.authorizationId).toBe(asked[0]!.authorizationId);
    expect(voided).toEqual([]);
  }, 45_000);
});
