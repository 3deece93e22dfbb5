import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { putProduct, uniqueId } from '@/server/checkout/test-support/fixtures';
import type { OrderRecord } from '@/server/orders/contract';
import { dynamoClient, dynamoDoc } from '@/server/platform/aws/clients';
import { tableName } from '@/server/platform/db/tables';
import { readProductShards, unitsByVariant } from '@/server/stock';
import { type Buyer, createBuyers } from './support/cognito-buyers';
import { type Injector, injectThrottling } from './support/dynamodb-faults';
import { browserRequest, callRoute, type RouteResult } from './support/request-scope';

// Concurrency and money (issue 7, item 4). 100 real shoppers (cognito-local accounts, verified access tokens) fill
// their carts through the cart route and check out at once through POST /api/checkout against a variant with
// stock 25, each behaving like a real client: it keeps one Idempotency-Key per purchase and retries with it when
// the shop answers 503 or the answer is lost on the way back (every 4th buyer loses its first answer, whatever it
// was), every 5th buyer double-clicks (two requests with the same key at once), and for every 10th buyer DynamoDB
// throttles its first checkout transaction through all 5 SDK attempts (injected into the app's DynamoDB client, see
// support/dynamodb-faults.ts), so the shop answers 503 and that client comes back with the same key. Everything
// below the route is the real code on DynamoDB Local.
//
// Proves: exactly 25 orders, stock 0, the abundant product's stock moved only by the winners' lines (no partial
// order), each buyer's answers agree with each other, every order's lines are priced from the catalog and its
// total is the sum of its priced lines + shipping + tax (computed here from the published rules), and replaying
// every key afterwards creates nothing.

vi.mock('next/headers', async () => (await import('./support/request-scope')).nextHeadersStub);

const cartItemsRoute = await import('@/app/api/cart/items/route');
const cartRoute = await import('@/app/api/cart/route');
const checkoutRoute = await import('@/app/api/checkout/route');
const orderRoute = await import('@/app/api/orders/[id]/route');

const BUYERS = 100;
const LIMITED_STOCK = 25;
const EXTRA_STOCK = 10_000;
const PRICES = { limited: 3_999, small: 1_250, large: 2_075 } as const;

// The published rules (docs/checkout.md), restated here so the test checks the arithmetic rather than reusing it.
const TAX_BPS: Record<string, number> = { CA: 725, NY: 400, TX: 625, OR: 0 };
const REGIONS = ['CA', 'NY', 'TX', 'OR'] as const;
// A ZIP code in each (checkout refuses a state its ZIP code contradicts).
const ZIP_IN: Record<(typeof REGIONS)[number], string> = { CA: '94105', NY: '10001', TX: '75201', OR: '97201' };
const expectedShipping = (method: string, subtotal: number) => (method === 'express' ? 1_499 : subtotal >= 7_500 ? 0 : 599);
const expectedTax = (subtotal: number, region: string) => Math.round((subtotal * TAX_BPS[region]!) / 10_000);

type Line = { productId: string; variantId: string; quantity: number; unitPrice: number };
type Plan = { buyer: Buyer; key: string; body: Record<string, unknown>; lines: Line[]; loseFirstAnswer: boolean; doubleClick: boolean };
type OrderJson = {
  id: string;
  items: {
    productId: string;
    variantId: string;
    quantity: number;
    unitPrice: { amount: number; currency: string };
    lineTotal: { amount: number; currency: string };
  }[];
  subtotal: { amount: number };
  shipping: { amount: number };
  tax: { amount: number };
  total: { amount: number; currency: string };
};

const cookiesOf = (b: Buyer) => new Map([['sf_at', b.accessToken]]);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function checkoutRequest(plan: Plan, body = plan.body): Request {
  return browserRequest('POST', '/api/checkout', { cookies: cookiesOf(plan.buyer), body, headers: { 'idempotency-key': plan.key } });
}

const orderIdOf = (r: RouteResult) => (r.body as { order?: { id?: string } } | null)?.order?.id;
const errorCodeOf = (r: RouteResult) => (r.body as { error?: { code?: string } } | null)?.error?.code;

/** A shop client: same key on every try; retries a 503 or a lost answer after a short jittered pause. */
async function buy(plan: Plan): Promise<{ answers: RouteResult[]; lost: number; retried503: number }> {
  const answers: RouteResult[] = [];
  let lost = 0;
  let retried503 = 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    const sends = plan.doubleClick && attempt === 0 ? 2 : 1;
    const results = await Promise.all(Array.from({ length: sends }, () => callRoute(checkoutRoute.POST, checkoutRequest(plan), undefined)));
    if (plan.loseFirstAnswer && attempt === 0) {
      // The server did its work; the client never saw the answer and tries again with the same key.
      lost++;
      answers.push(...results);
      await pause(50 + Math.random() * 100);
      continue;
    }
    answers.push(...results);
    if (results.some((r) => r.status === 503)) {
      retried503++;
      await pause(100 + Math.random() * 300);
      continue;
    }
    break;
  }
  return { answers, lost, retried503 };
}

async function ordersOf(userId: string): Promise<OrderRecord[]> {
  const out = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('orders'),
      KeyConditionExpression: 'userId = :u',
      ExpressionAttributeValues: { ':u': userId },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []) as OrderRecord[];
}

/** Units per variant: the ledger's shards summed where the product has them (ADR 0029), else the product item's map. */
async function stockOf(productId: string): Promise<Record<string, number>> {
  const shards = await readProductShards(productId);
  // No shard may ever go below zero: that would be an oversell hidden by a sum.
  expect(shards.filter((s) => s.units < 0)).toEqual([]);
  if (shards.length > 0) return unitsByVariant(shards);
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('products'), Key: { id: productId }, ConsistentRead: true }));
  return (out.Item as { stock: Record<string, number> }).stock;
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)))));
  return out;
}

// Both stock layouts: the ledger (ADR 0029), the lantern spread over 4 shards as a flash-sale SKU is, so racing
// checkouts take from different items and a shard running dry sends its loser to another; and units on the product
// item, as products written before the ledger still hold them.
describe.each([
  { layout: 'the stock ledger, the lantern in 4 shards', shards: 4 },
  { layout: 'units on the product item (before the ledger)', shards: undefined },
])(`${BUYERS} concurrent buyers with retries against a stock of ${LIMITED_STOCK}: $layout`, ({ shards }) => {
  let plans: Plan[] = [];
  let faults: Injector | undefined;
  afterAll(() => faults?.remove());
  let limitedId = '';
  let extraId = '';

  beforeAll(async () => {
    const limited = await putProduct({
      name: 'Last-units lantern',
      variants: [{ id: 'last', price: PRICES.limited, stock: LIMITED_STOCK }],
      ...(shards ? { stockShards: shards } : {}),
    });
    const extra = await putProduct({
      name: 'Plenty of pegs',
      ...(shards ? { stockShards: 1 } : {}),
      variants: [
        { id: 'small', price: PRICES.small, stock: EXTRA_STOCK },
        { id: 'large', price: PRICES.large, stock: EXTRA_STOCK },
      ],
    });
    limitedId = limited.id;
    extraId = extra.id;
    const buyers = await createBuyers(BUYERS, 'money');

    plans = buyers.map((buyer, i) => {
      const lines: Line[] = [{ productId: limitedId, variantId: 'last', quantity: 1, unitPrice: PRICES.limited }];
      if (i % 3 > 0) lines.push({ productId: extraId, variantId: 'small', quantity: i % 3, unitPrice: PRICES.small });
      if (i % 4 === 0) lines.push({ productId: extraId, variantId: 'large', quantity: 1 + (i % 5), unitPrice: PRICES.large });
      const region = REGIONS[i % REGIONS.length]!;
      const body = {
        shippingAddress: { name: `Buyer ${i}`, line1: `${i} Market St`, city: 'Springfield', region, postalCode: ZIP_IN[region], country: 'US' },
        shippingMethod: i % 2 === 0 ? 'standard' : 'express',
        // The sandbox's reusable Visa test token: each buyer's body is sent again under its key (double click, lost answer).
        payment: { token: 'tok_visa' },
      };
      return { buyer, key: `${uniqueId('key')}-${i}`, body, lines, loseFirstAnswer: i % 4 === 1, doubleClick: i % 5 === 2 };
    });

    // Carts are filled through the cart route, as a browser would; the route prices nothing the client sends.
    await inBatches(plans, 10, async (plan) => {
      for (const line of plan.lines) {
        const res = await callRoute(
          cartItemsRoute.POST,
          browserRequest('POST', '/api/cart/items', {
            cookies: cookiesOf(plan.buyer),
            body: { productId: line.productId, variantId: line.variantId, quantity: line.quantity, price: 1 },
          }),
          undefined,
        );
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
    });
  }, 120_000);

  it('sells exactly 25, never a partial order, with every total equal to its priced lines + shipping + tax; replays create nothing', async () => {
    // Every 10th buyer's first transaction is throttled 5 times: the SDK gives up, the route answers 503.
    faults = injectThrottling(
      dynamoClient(),
      plans.filter((_, i) => i % 10 === 3).map((plan) => ({ operation: 'TransactWriteItems', bodyIncludes: plan.buyer.sub, total: 5 })),
    );
    const started = performance.now();
    const outcomes = await Promise.all(plans.map((plan) => buy(plan)));
    const ms = Math.round(performance.now() - started);
    faults.setRules([]);

    // Per buyer: the answers it saw (a lost one included) all tell the same story.
    const winners: { plan: Plan; orderId: string }[] = [];
    const losers: Plan[] = [];
    const stray: string[] = [];
    for (const [i, { answers }] of outcomes.entries()) {
      const plan = plans[i]!;
      const final = answers.at(-1)!;
      const ids = new Set(answers.filter((a) => a.status === 201).map(orderIdOf));
      const statuses = new Set(answers.map((a) => a.status).filter((s) => s !== 503));
      if (final.status === 201 && ids.size === 1 && statuses.size === 1) winners.push({ plan, orderId: [...ids][0]! });
      else if (final.status === 409 && errorCodeOf(final) === 'OUT_OF_STOCK' && ids.size === 0 && statuses.size === 1) losers.push(plan);
      else
        stray.push(
          `buyer ${i}: ${answers.map((a) => `${a.status}${errorCodeOf(a) ? ` ${errorCodeOf(a)}` : ''}${orderIdOf(a) ? ` ${orderIdOf(a)}` : ''}`).join(' | ')}`,
        );
    }
    const lostAnswers = outcomes.reduce((n, o) => n + o.lost, 0);
    const retried503 = outcomes.reduce((n, o) => n + o.retried503, 0);
    const replayedOnRetry = outcomes.flatMap((o) => o.answers).filter((a) => a.headers.get('idempotent-replayed') === 'true').length;
    console.log(
      `[measure] ${BUYERS} buyers, stock ${LIMITED_STOCK}: ${winners.length} orders, ${losers.length} OUT_OF_STOCK, ${lostAnswers} lost answers retried, ` +
        `${retried503} rounds of 503 retried, ${replayedOnRetry} replayed answers, ${ms} ms`,
    );

    expect(stray).toEqual([]);
    expect(winners).toHaveLength(LIMITED_STOCK);
    expect(losers).toHaveLength(BUYERS - LIMITED_STOCK);
    // A buyer whose first answer (a 201) was lost got its order back by replay, not a second order; throttled
    // buyers were told 503 and came back with the same key.
    expect(replayedOnRetry).toBeGreaterThan(0);
    expect(retried503).toBeGreaterThan(0);
    expect(faults.throttled('TransactWriteItems').length).toBeGreaterThanOrEqual(5);

    // Stock: the limited variant is gone; the abundant one moved by exactly the winners' lines.
    const sold = (variantId: string) =>
      winners.reduce((n, w) => n + w.plan.lines.filter((l) => l.productId === extraId && l.variantId === variantId).reduce((m, l) => m + l.quantity, 0), 0);
    expect(await stockOf(limitedId)).toEqual({ last: 0 });
    expect(await stockOf(extraId)).toEqual({ small: EXTRA_STOCK - sold('small'), large: EXTRA_STOCK - sold('large') });

    // Orders in the table: one per winner (the id it was told), none for anyone else.
    const stored = await inBatches(plans, 20, (plan) => ordersOf(plan.buyer.sub));
    expect(stored.flat()).toHaveLength(LIMITED_STOCK);
    const winnerIds = new Map(winners.map((w) => [w.plan.buyer.sub, w.orderId]));
    for (const [i, records] of stored.entries()) {
      const expectedId = winnerIds.get(plans[i]!.buyer.sub);
      expect(
        records.map((r) => r.orderId),
        `buyer ${i}`,
      ).toEqual(expectedId ? [expectedId] : []);
    }

    // Money, per order, from the stored record and from the order route the shopper reads.
    for (const { plan, orderId } of winners) {
      const record = stored.flat().find((r) => r.orderId === orderId)!;
      const fromRoute = await callRoute(orderRoute.GET, browserRequest('GET', `/api/orders/${orderId}`, { cookies: cookiesOf(plan.buyer) }), {
        params: Promise.resolve({ id: orderId }),
      });
      expect(fromRoute.status).toBe(200);
      const order = (fromRoute.body as { order: OrderJson }).order;
      for (const o of [record, order]) {
        const lines = o.items.map((it) => ({ productId: it.productId, variantId: it.variantId, quantity: it.quantity, unitPrice: it.unitPrice.amount }));
        expect(lines.sort((a, b) => a.variantId.localeCompare(b.variantId))).toEqual([...plan.lines].sort((a, b) => a.variantId.localeCompare(b.variantId)));
        for (const it of o.items) {
          expect(Number.isInteger(it.lineTotal.amount)).toBe(true);
          expect(it.lineTotal).toEqual({ amount: it.unitPrice.amount * it.quantity, currency: 'USD' });
        }
        const subtotal = o.items.reduce((n, it) => n + it.lineTotal.amount, 0);
        const region = (plan.body.shippingAddress as { region: string }).region;
        expect(o.subtotal.amount).toBe(subtotal);
        expect(o.shipping.amount).toBe(expectedShipping(plan.body.shippingMethod as string, subtotal));
        expect(o.tax.amount).toBe(expectedTax(subtotal, region));
        expect(o.total).toEqual({ amount: subtotal + o.shipping.amount + o.tax.amount, currency: 'USD' });
      }
    }

    // Carts: winners' are empty; losers keep what they had, the lantern now marked unavailable.
    const carts = await inBatches(plans, 20, (plan) =>
      callRoute(cartRoute.GET, browserRequest('GET', '/api/cart', { cookies: cookiesOf(plan.buyer) }), undefined),
    );
    for (const [i, cart] of carts.entries()) {
      const items = (cart.body as { items: { productId: string; variantId: string; quantity: number; available: boolean }[] }).items;
      if (winnerIds.has(plans[i]!.buyer.sub)) expect(items, `buyer ${i}`).toEqual([]);
      else {
        expect(items.map((it) => `${it.variantId}×${it.quantity}`).sort(), `buyer ${i}`).toEqual(
          plans[i]!.lines.map((l) => `${l.variantId}×${l.quantity}`).sort(),
        );
        expect(items.find((it) => it.productId === limitedId)?.available).toBe(false);
      }
    }

    // Replays: every key three times at once, after the fact. Winners get their order back, flagged as a replay;
    // the others are told again that the lantern is gone. Nothing is written.
    const replays = await inBatches(plans, 10, (plan) => Promise.all([0, 1, 2].map(() => callRoute(checkoutRoute.POST, checkoutRequest(plan), undefined))));
    for (const [i, answers] of replays.entries()) {
      const expectedId = winnerIds.get(plans[i]!.buyer.sub);
      for (const a of answers) {
        if (expectedId) {
          expect(a.status, `buyer ${i}`).toBe(201);
          expect(orderIdOf(a)).toBe(expectedId);
          expect(a.headers.get('idempotent-replayed')).toBe('true');
        } else {
          expect(a.status, `buyer ${i}`).toBe(409);
          expect(errorCodeOf(a)).toBe('OUT_OF_STOCK');
        }
      }
    }
    // The same key with a different body is refused, not turned into a second order.
    for (const { plan } of winners.slice(0, 5)) {
      const changed = await callRoute(
        checkoutRoute.POST,
        checkoutRequest(plan, { ...plan.body, shippingMethod: plan.body.shippingMethod === 'express' ? 'standard' : 'express' }),
        undefined,
      );
      expect(changed.status).toBe(409);
      expect(errorCodeOf(changed)).toBe('IDEMPOTENCY_KEY_REUSED');
    }
    const after = await inBatches(plans, 20, (plan) => ordersOf(plan.buyer.sub));
    expect(
      after
        .flat()
        .map((r) => r.orderId)
        .sort(),
    ).toEqual(winners.map((w) => w.orderId).sort());
    expect(await stockOf(limitedId)).toEqual({ last: 0 });
    expect(await stockOf(extraId)).toEqual({ small: EXTRA_STOCK - sold('small'), large: EXTRA_STOCK - sold('large') });
  }, 120_000);
});
