import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { guestCheckoutBody, putProduct, stockOf, tokenise } from '../checkout/test-support/fixtures';
import { apiRequest, params, resetRequestContext } from '../checkout/test-support/request-context';
import { from, testAddress, uniqueEmail } from '../identity/testing/auth-requests';

// Fraud screening end to end on the local stack, through the route handlers a browser calls (docs/fraud.md): the
// outside tester's card-testing run (issue 30 M7), the decline limits, a review order held and approved or rejected
// by operations, a denied checkout, and a hold nobody decides expiring with its void. Real DynamoDB, Redis, cognito
// and the sandbox processor; the orders stream and the warehouse run in-process where a test needs them.
vi.mock('next/headers', async () => (await import('../checkout/test-support/request-context')).nextHeadersOnContext());
vi.mock('@/server/identity', async (importOriginal) =>
  (await import('../checkout/test-support/request-context')).identityOnContext(await importOriginal<typeof import('@/server/identity')>()),
);

const cartItemsRoute = await import('@/app/api/cart/items/route');
const checkoutRoute = await import('@/app/api/checkout/route');
const orderRoute = await import('@/app/api/orders/[id]/route');
const adminOrderRoute = await import('@/app/api/admin/orders/[id]/route');
const adminOrdersRoute = await import('@/app/api/admin/orders/route');
const reviewRoute = await import('@/app/api/admin/orders/[id]/review/route');
const { getPaymentProvider } = await import('@/server/payments');
const { expireHolds, getOrder, guestOrderOwner } = await import('@/server/orders');
const { cognitoClient } = await import('@/server/platform/aws/clients');
const { getConfig, resetConfigForTests } = await import('@/server/platform/config');
const { createOrdersStreamConsumer } = await import('@/server/streams/orders-stream/consumer');
const { startFulfilmentWorker } = await import('@/server/fulfilment/worker');
const { eventually } = await import('@/server/leaderboard/test-fixtures');

const env = inject('localStackEnv');
type OrderJson = {
  id: string;
  number: string;
  status: string;
  createdAt: string;
  email: string;
  risk?: unknown;
  payment: { status: string };
  timeline: { status: string; by: string }[];
};
type ErrorJson = { error: { code: string; message: string } };

let opsToken: string;
beforeAll(async () => {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: env.COGNITO_CLIENT_ID!,
      AuthParameters: { USERNAME: 'ops@example.com', PASSWORD: 'Operations-pass-1' },
    }),
  );
  opsToken = out.AuthenticationResult!.AccessToken!;
}, 30_000);
beforeEach(() => resetRequestContext());

/** Luhn-valid card numbers the sandbox declines (any valid number but its test cards): the tester's 40 cards. */
function declinedCard(i: number): string {
  const body = `4000${String(100_000_000 + i * 7919).padStart(11, '0')}`.slice(0, 15);
  let sum = 0;
  for (let k = 0; k < 15; k++) {
    let d = Number(body[14 - k]);
    if (k % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** A fresh guest browser with one unit of a fresh product in its cart. */
async function guestWithCart(price = 2_500, stock = 5) {
  resetRequestContext();
  const p = await putProduct({ variants: [{ id: 'v', price, stock }] });
  const res = await cartItemsRoute.POST(apiRequest('POST', '/api/cart/items', { body: { productId: p.id, variantId: 'v', quantity: 1 } }), undefined);
  expect(res.status).toBe(200);
  return p;
}

async function checkout(body: unknown, address: string, key = crypto.randomUUID()) {
  const res = await checkoutRoute.POST(apiRequest('POST', '/api/checkout', { body, headers: { 'idempotency-key': key, ...from(address) } }), undefined);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { order: OrderJson } & ErrorJson };
}

const asOps = (path: string, init: { method?: string; body?: unknown } = {}) =>
  apiRequest(init.method ?? 'GET', path, { body: init.body, headers: { cookie: `sf_at=${opsToken}` } });
const opsOrder = async (id: string) =>
  ((await (await adminOrderRoute.GET(asOps(`/api/admin/orders/${id}`), params({ id }))).json()) as { order: OrderJson }).order;
const review = async (id: string, decision: 'approve' | 'reject', note = '') => {
  const res = await reviewRoute.POST(asOps(`/api/admin/orders/${id}/review`, { method: 'POST', body: { decision, note } }), params({ id }));
  return { status: res.status, body: (await res.json()) as { order: OrderJson } & ErrorJson };
};
const authorisation = async (orderId: string) => {
  const owner = (await getOrder(guestOrderOwner((await opsOrder(orderId)).email), orderId))!;
  return owner.payment;
};

describe('card testing through guest checkout (issue 30 M7)', () => {
  it('40 declined cards from one address in seconds: the processor is asked 5 times, then 429 with Retry-After', async () => {
    const provider = getPaymentProvider();
    const authorize = vi.spyOn(provider, 'authorize');
    const tester = testAddress();
    const answers: { status: number; retryAfter: string | null; code: string }[] = [];
    const started = Date.now();
    for (let i = 0; i < 40; i++) {
      // Each card from a fresh cart and a fresh email, as the tester did: only the address ties them together.
      await guestWithCart();
      const token = await tokenise(declinedCard(i));
      const res = await checkout(guestCheckoutBody(uniqueEmail('tester'), token), tester);
      answers.push({ status: res.status, retryAfter: res.retryAfter, code: res.body.error?.code });
    }
    const seconds = (Date.now() - started) / 1000;
    expect(answers.slice(0, 5).map((a) => a.code)).toEqual(Array(5).fill('PAYMENT_DECLINED'));
    expect(
      answers.slice(5).filter((a) => !(a.status === 429 && a.code === 'RATE_LIMITED' && Number(a.retryAfter) > 0)),
      'every answer after the 5th is 429 with Retry-After',
    ).toEqual([]);
    expect(authorize).toHaveBeenCalledTimes(5);
    authorize.mockRestore();
    // Only that address is stopped: a shopper elsewhere buys at once.
    await guestWithCart();
    expect((await checkout(guestCheckoutBody(uniqueEmail('honest'), 'tok_visa'), testAddress())).status).toBe(201);
    expect(seconds).toBeLessThan(120);
  }, 180_000);

  it('12 declines from one guest (one cart, one email): cut off with 429 after 5, whatever the address', async () => {
    const email = uniqueEmail('guest');
    await guestWithCart();
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      // A new address each time: the cart and the email are what stop this one.
      codes.push((await checkout(guestCheckoutBody(email, await tokenise(declinedCard(100 + i))), testAddress())).body.error.code);
    }
    expect(codes).toEqual([...Array(5).fill('PAYMENT_DECLINED'), ...Array(7).fill('RATE_LIMITED')]);
    // The same email from another cart and address is still refused before the processor is asked.
    await guestWithCart();
    expect((await checkout(guestCheckoutBody(email, 'tok_visa'), testAddress())).status).toBe(429);
  }, 120_000);

  it('one card declined 3 times is refused on any cart, email and address', async () => {
    // One card number, tokenised afresh each time as the checkout page does: the fingerprint ties the tokens together.
    const card = declinedCard(300);
    for (let i = 0; i < 3; i++) {
      await guestWithCart();
      expect((await checkout(guestCheckoutBody(uniqueEmail('c'), await tokenise(card)), testAddress())).status).toBe(402);
    }
    await guestWithCart();
    expect((await checkout(guestCheckoutBody(uniqueEmail('c'), await tokenise(card)), testAddress())).body.error.code).toBe('RATE_LIMITED');
  }, 60_000);
});

describe('review and deny', () => {
  let consumer: Awaited<ReturnType<typeof createOrdersStreamConsumer>>;
  let worker: ReturnType<typeof startFulfilmentWorker>;
  beforeAll(() => {
    for (const key of ['FULFILMENT_PROCESSING_MS', 'FULFILMENT_SHIPPED_MS', 'FULFILMENT_DELIVERED_MS', 'FULFILMENT_RETURN_MS']) process.env[key] = '0';
    resetConfigForTests();
    consumer = createOrdersStreamConsumer({ idleMs: 100 });
    worker = startFulfilmentWorker();
  });
  afterAll(async () => {
    await worker?.stop();
    await consumer?.stop();
  });

  it('holds an elevated-risk order ON_HOLD (risk for operations only), sends nothing to the warehouse, and approval takes it on to PROCESSING', async () => {
    const p = await guestWithCart(4_000, 3);
    const placed = await checkout(guestCheckoutBody(uniqueEmail('held'), 'tok_riskLevelElevated'), testAddress());
    expect(placed.status).toBe(201);
    const { order } = placed.body;
    expect(order.status).toBe('ON_HOLD');
    expect(order).not.toHaveProperty('risk');
    expect(await stockOf(p.id, 'v')).toBe(2);
    // The shopper's own view (this browser's guest cookie) never carries the screening.
    const own = (await (await orderRoute.GET(apiRequest('GET', `/api/orders/${order.id}`), params({ id: order.id }))).json()) as { order: OrderJson };
    expect(own.order.status).toBe('ON_HOLD');
    expect(JSON.stringify(own)).not.toContain('risk');
    // Operations see why, and find it among the holds.
    const held = await opsOrder(order.id);
    expect(held.risk).toMatchObject({ decision: 'review', reasons: ['The card processor rates the payment elevated risk'] });
    const list = (await (await adminOrdersRoute.GET(asOps('/api/admin/orders?status=ON_HOLD&limit=100'), undefined as never)).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(order.id);
    // With the stream consumer and the warehouse running, a held order stays put.
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await opsOrder(order.id)).status).toBe('ON_HOLD');
    expect((await authorisation(order.id)).status).toBe('AUTHORIZED');

    const approved = await review(order.id, 'approve', 'Called the shopper');
    expect(approved.status).toBe(200);
    expect(approved.body.order).toMatchObject({ status: 'PLACED', risk: { decision: 'review' } });
    const processed = await eventually(
      async () => {
        const o = await opsOrder(order.id);
        expect(o.timeline.map((t) => t.status)).toContain('PROCESSING');
        return o;
      },
      30_000,
      200,
    );
    expect(processed.timeline.slice(0, 3).map((t) => [t.status, t.by])).toEqual([
      ['ON_HOLD', 'shopper'],
      ['PLACED', 'operations'],
      ['PROCESSING', 'system'],
    ]);
    // Decided once: a second decision is a 409.
    expect((await review(order.id, 'reject')).status).toBe(409);
  }, 60_000);

  it('rejection voids the payment, restocks and cancels, and the shopper is mailed', async () => {
    const p = await guestWithCart(4_000, 3);
    const email = uniqueEmail('rejected');
    const { order } = (await checkout(guestCheckoutBody(email, 'tok_riskLevelElevated'), testAddress())).body;
    expect(order.status).toBe('ON_HOLD');
    const rejected = await review(order.id, 'reject', 'Card reported stolen');
    expect(rejected.status).toBe(200);
    expect(rejected.body.order).toMatchObject({ status: 'CANCELLED', payment: { status: 'VOIDED' } });
    expect(rejected.body.order.timeline.at(-1)).toMatchObject({ status: 'CANCELLED', by: 'operations' });
    expect(await stockOf(p.id, 'v')).toBe(3);
    await eventually(
      async () => {
        const stored = (await (await fetch(`${getConfig().SES_ENDPOINT}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] };
        expect(stored.emails.some((e) => e.subject.includes(order.number) && /cancel/i.test(e.subject) && e.destination.to.includes(email))).toBe(true);
      },
      20_000,
      200,
    );
  }, 60_000);

  it('refuses a highest-risk payment with 402, voids its authorisation and writes nothing', async () => {
    const p = await guestWithCart(4_000, 3);
    const email = uniqueEmail('denied');
    const token = await tokenise('4000 0000 0000 4954');
    const voids = vi.spyOn(getPaymentProvider(), 'void');
    const denied = await checkout(guestCheckoutBody(email, token), testAddress());
    // The hold the processor placed was released at once.
    expect(voids).toHaveBeenCalledTimes(1);
    voids.mockRestore();
    expect(denied.status).toBe(402);
    expect(denied.body.error.code).toBe('PAYMENT_DECLINED');
    expect(await stockOf(p.id, 'v')).toBe(3);
    const found = await adminOrdersRoute.GET(asOps(`/api/admin/orders?q=${encodeURIComponent(email)}`), undefined as never);
    expect(await found.json()).toEqual({ items: [], nextCursor: null });
  }, 60_000);
});

describe('hold expiry', () => {
  afterAll(() => {
    delete process.env.FRAUD_HOLD_TTL_SECONDS;
    resetConfigForTests();
  });

  it('rejects a hold nobody decided, with its void, before the authorisation lapses; approving it then is 409', async () => {
    process.env.FRAUD_HOLD_TTL_SECONDS = '1';
    resetConfigForTests();
    const p = await guestWithCart(3_000, 4);
    const { order } = (await checkout(guestCheckoutBody(uniqueEmail('expiring'), 'tok_riskLevelElevated'), testAddress())).body;
    expect(order.status).toBe('ON_HOLD');
    const undecided = await guestWithCart(3_000, 4);
    const other = (await checkout(guestCheckoutBody(uniqueEmail('expiring'), 'tok_riskLevelElevated'), testAddress())).body.order;
    // Not yet expired (a sweep at a time before its expiry, whatever this machine's pace): left alone.
    expect((await expireHolds(new Date(Date.parse(order.createdAt) + 500))).expired).not.toContain(order.id);
    await new Promise((r) => setTimeout(r, 1_200));
    const swept = await expireHolds();
    expect(swept.expired).toEqual(expect.arrayContaining([order.id, other.id]));
    const after = await opsOrder(order.id);
    expect(after).toMatchObject({ status: 'CANCELLED', payment: { status: 'VOIDED', captured: { amount: 0 } } });
    expect(after.timeline.at(-1)).toMatchObject({ status: 'CANCELLED', by: 'system' });
    expect(await stockOf(p.id, 'v')).toBe(4);
    expect(await stockOf(undecided.id, 'v')).toBe(4);
    // The sandbox's authorisation was voided too: never a capture after expiry.
    const ledger = await fetch(`${getConfig().PAYMENTS_SANDBOX_URL}/v1/authorizations/${encodeURIComponent(await authorisationId(order.id))}`, {
      headers: { authorization: `Bearer ${getConfig().PAYMENTS_SANDBOX_SECRET_KEY}` },
    });
    expect(((await ledger.json()) as { status: string }).status).toBe('voided');
    expect((await review(order.id, 'approve')).status).toBe(409);
    // A second sweep finds nothing more to do.
    expect((await expireHolds()).expired).not.toContain(order.id);
  }, 60_000);
});

async function authorisationId(orderId: string): Promise<string> {
  const { readOrderRecordById } = await import('@/server/orders/order-store');
  return (await readOrderRecordById(orderId))!.payment.authorizationId;
}
