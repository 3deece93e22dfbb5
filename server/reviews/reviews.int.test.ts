import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProductRecord } from '../catalog/contract';
import { apiRequest, params, requestContext, resetRequestContext, testUser } from '../checkout/test-support/request-context';
import { placedOrder } from '../fulfilment/test-support/orders';
import type { SessionUser } from '../identity';
import { acceptOrder, deliverOrder, shipOrder } from '../orders';
import { dynamoDoc } from '../platform/aws/clients';
import { tableName } from '../platform/db/tables';

// Reviews against DynamoDB Local through the real route handlers: who may review (verified buyers, once), what
// the public sees (approved only), and the product's rating kept exactly equal to its approved reviews.

// Outside Next, 'use cache' reads run uncached; the cache-life and tag calls need Next's runtime.
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), cacheLife: () => {}, cacheTag: () => {} }));
vi.mock('next/headers', async () => (await import('../checkout/test-support/request-context')).nextHeadersOnContext());
vi.mock('@/server/identity', async (importOriginal) =>
  (await import('../checkout/test-support/request-context')).identityOnContext(await importOriginal<typeof import('@/server/identity')>(), {
    fromRequest: true,
  }),
);

const reviewsRoute = await import('@/app/api/products/[slug]/reviews/route');
const queueRoute = await import('@/app/api/admin/reviews/route');
const moderateRoute = await import('@/app/api/admin/reviews/[id]/route');
const { recomputeProductRating } = await import('@/server/reviews');

type ReviewsJson = {
  items: { id: string; rating: number; title: string; body: string; author: string; verifiedPurchase: boolean }[];
  summary: { average: number; count: number; histogram: Record<string, number> };
  nextCursor: string | null;
};
const json = async <T>(res: Response) => (await res.json()) as T;
const shipment = { carrier: 'UPS Ground', trackingNumber: '1ZTEST', shippedAt: new Date().toISOString(), estimatedDelivery: '2026-12-09' };
const marketer: SessionUser = { ...testUser('marketer-1'), groups: ['marketers'] };

const post = (slug: string, body: unknown) => reviewsRoute.POST(apiRequest('POST', `/api/products/${slug}/reviews`, { body }), params({ slug }));
const list = async (slug: string, query = '') =>
  json<ReviewsJson>(await reviewsRoute.GET(apiRequest('GET', `/api/products/${slug}/reviews${query}`), params({ slug })));
const moderate = (id: string, body: unknown) => moderateRoute.PATCH(apiRequest('PATCH', `/api/admin/reviews/${id}`, { body }), params({ id }));

function as(user: SessionUser | null) {
  requestContext.user = user;
}

async function productRecord(id: string): Promise<ProductRecord> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('products'), Key: { id }, ConsistentRead: true }));
  return out.Item as ProductRecord;
}

/** A shopper with a delivered order for a new product (placed through checkout, taken through the lifecycle). */
async function deliveredBuyer() {
  const placed = await placedOrder([{ price: 2_500, stock: 5, quantity: 1 }]);
  await acceptOrder(placed.userId, placed.order.id);
  await shipOrder(placed.userId, placed.order.id, shipment);
  await deliverOrder(placed.userId, placed.order.id);
  return { user: { ...testUser(placed.userId), name: 'Ada Lovelace' }, product: placed.products[0]!, orderId: placed.order.id };
}

const good = { rating: 4, title: 'Sturdy and sharp', body: 'Held up to a month of daily use without a complaint.' };

beforeEach(() => resetRequestContext());

describe('who may review', () => {
  it('refuses a signed-out caller (401) and a shopper who never bought the product (403 NOT_VERIFIED_BUYER)', async () => {
    const { product } = await deliveredBuyer();
    expect((await post(product.slug, good)).status).toBe(401);
    as(testUser(`stranger-${Date.now()}`));
    const res = await post(product.slug, good);
    expect(res.status).toBe(403);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe('NOT_VERIFIED_BUYER');
  });

  it('refuses a buyer whose delivered order was returned, or refunded in full (issue 30 I3)', async () => {
    for (const change of [
      { UpdateExpression: 'SET #status = :s', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':s': 'RETURNED' } },
      {
        UpdateExpression: 'SET paymentAmounts = :a',
        ExpressionAttributeValues: { ':a': { authorized: 3_000, captured: 3_000, refunded: 3_000, status: 'REFUNDED' } },
      },
    ]) {
      const { user, product, orderId } = await deliveredBuyer();
      await dynamoDoc().send(new UpdateCommand({ TableName: tableName('orders'), Key: { userId: user.id, orderId }, ...change }));
      as(user);
      const res = await post(product.slug, good);
      expect(res.status, change.UpdateExpression).toBe(403);
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe('NOT_VERIFIED_BUYER');
    }
  });

  it('still takes a review from a buyer refunded only in part (issue 30 I3: only a full refund undoes the purchase)', async () => {
    const { user, product, orderId } = await deliveredBuyer();
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('orders'),
        Key: { userId: user.id, orderId },
        UpdateExpression: 'SET paymentAmounts = :a',
        ExpressionAttributeValues: { ':a': { authorized: 3_000, captured: 3_000, refunded: 2_999, status: 'PARTIALLY_REFUNDED' } },
      }),
    );
    as(user);
    expect((await post(product.slug, good)).status).toBe(201);
  });

  it('refuses a buyer whose order was placed but not yet delivered', async () => {
    const placed = await placedOrder([{ price: 1_000, stock: 3, quantity: 1 }]);
    await acceptOrder(placed.userId, placed.order.id);
    await shipOrder(placed.userId, placed.order.id, shipment);
    as(testUser(placed.userId));
    const res = await post(placed.products[0]!.slug, good);
    expect(res.status).toBe(403);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe('NOT_VERIFIED_BUYER');
  });

  it('takes one review from a delivered buyer, pending and unseen until approved; a second is 409 ALREADY_REVIEWED', async () => {
    const { user, product } = await deliveredBuyer();
    as(user);
    const res = await post(product.slug, good);
    expect(res.status).toBe(201);
    const { review } = await json<{ review: { id: string; status: string } }>(res);
    expect(review).toEqual({ id: expect.stringMatching(/^rev_/), status: 'PENDING' });
    const again = await post(product.slug, { ...good, rating: 1 });
    expect(again.status).toBe(409);
    expect((await json<{ error: { code: string } }>(again)).error.code).toBe('ALREADY_REVIEWED');
    expect((await list(product.slug)).items).toEqual([]);
  });

  it('validates rating, title and body (400) and writes nothing', async () => {
    const { user, product } = await deliveredBuyer();
    as(user);
    for (const bad of [
      { ...good, rating: 0 },
      { ...good, rating: 6 },
      { ...good, rating: 4.5 },
      { ...good, title: 'x' },
      { ...good, body: 'y'.repeat(4001) },
      { rating: 5 },
    ]) {
      expect((await post(product.slug, bad)).status).toBe(400);
    }
    expect((await post(product.slug, good)).status).toBe(201);
  });
});

describe('moderation and the rating', () => {
  it('is for marketers only', async () => {
    as(null);
    expect((await queueRoute.GET(apiRequest('GET', '/api/admin/reviews?status=PENDING'), undefined)).status).toBe(401);
    as(testUser('shopper-x'));
    expect((await queueRoute.GET(apiRequest('GET', '/api/admin/reviews?status=PENDING'), undefined)).status).toBe(403);
    expect((await moderate('rev_abcdefghij', { status: 'APPROVED' })).status).toBe(403);
  });

  it('approving shows the review and sets the product rating and count exactly; rejecting takes it back out', async () => {
    const first = await deliveredBuyer();
    const product = first.product;
    const before = await productRecord(product.id);
    expect(before.reviewCount).toBe(10); // the fixture's seeded number, not a review

    as(first.user);
    const markup = { rating: 5, title: '<b>Great</b> knife', body: '<script>alert(1)</script> cuts like a dream' };
    const { review } = await json<{ review: { id: string } }>(await post(product.slug, markup));

    as(marketer);
    const queue = await json<{ items: { id: string; product: { slug: string } | null }[] }>(
      await queueRoute.GET(apiRequest('GET', '/api/admin/reviews?status=PENDING&limit=100'), undefined),
    );
    expect(queue.items.map((i) => i.id)).toContain(review.id);

    const approved = await moderate(review.id, { status: 'APPROVED' });
    expect(approved.status).toBe(200);
    const shown = await list(product.slug);
    // Stored and served as typed: the page renders it as text.
    expect(shown.items).toEqual([
      expect.objectContaining({ id: review.id, title: '<b>Great</b> knife', body: markup.body, author: 'Ada L.', verifiedPurchase: true }),
    ]);
    expect(shown.summary).toEqual({ average: 5, count: 1, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 } });
    expect(await productRecord(product.id)).toMatchObject({ rating: 5, reviewCount: 1, ratingSort: 50 * 100_000 + 1 });

    // Recomputing again (a retried moderation) changes nothing.
    await recomputeProductRating(product.id);
    expect(await productRecord(product.id)).toMatchObject({ rating: 5, reviewCount: 1 });

    const rejected = await moderate(review.id, { status: 'REJECTED', reason: 'Contains markup' });
    expect(rejected.status).toBe(200);
    expect((await list(product.slug)).items).toEqual([]);
    expect(await productRecord(product.id)).toMatchObject({ rating: 0, reviewCount: 0, ratingSort: 0 });
    // A rejection without a reason is refused.
    expect((await moderate(review.id, { status: 'REJECTED' })).status).toBe(400);
    expect((await moderate('rev_doesnotexist', { status: 'APPROVED' })).status).toBe(404);
  });

  it('averages several approved reviews, sorts and pages them', async () => {
    const { user, product } = await deliveredBuyer();
    // More verified buyers of the same product: each places and receives an order for it.
    const ratings = [5, 4, 4, 2];
    const reviewIds: string[] = [];
    as(user);
    reviewIds.push((await json<{ review: { id: string } }>(await post(product.slug, { ...good, rating: ratings[0] }))).review.id);
    const { addCartItem } = await import('../cart');
    const { placeOrder } = await import('../checkout');
    const { checkoutBody, uniqueId } = await import('../checkout/test-support/fixtures');
    for (const rating of ratings.slice(1)) {
      const userId = uniqueId('buyer');
      await addCartItem({ kind: 'user', userId }, { productId: product.id, variantId: 'v', quantity: 1 });
      const { order } = await placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() });
      await acceptOrder(userId, order.id);
      await shipOrder(userId, order.id, shipment);
      await deliverOrder(userId, order.id);
      as(testUser(userId));
      reviewIds.push((await json<{ review: { id: string } }>(await post(product.slug, { ...good, rating }))).review.id);
    }
    as(marketer);
    for (const id of reviewIds) expect((await moderate(id, { status: 'APPROVED' })).status).toBe(200);

    const top = await list(product.slug, '?sort=rating-desc&limit=3');
    expect(top.items.map((i) => i.rating)).toEqual([5, 4, 4]);
    expect(top.summary).toEqual({ average: 3.8, count: 4, histogram: { '1': 0, '2': 1, '3': 0, '4': 2, '5': 1 } });
    const rest = await list(product.slug, `?sort=rating-desc&limit=3&cursor=${top.nextCursor}`);
    expect(rest.items.map((i) => i.rating)).toEqual([2]);
    expect(rest.nextCursor).toBeNull();
    expect((await list(product.slug, '?sort=rating-asc&limit=1')).items[0]!.rating).toBe(2);
    expect(await productRecord(product.id)).toMatchObject({ rating: 3.8, reviewCount: 4 });
    const wrongSort = await reviewsRoute.GET(
      apiRequest('GET', `/api/products/${product.slug}/reviews?sort=newest&cursor=${top.nextCursor}`),
      params({ slug: product.slug }),
    );
    expect(wrongSort.status).toBe(400);
  });
});
