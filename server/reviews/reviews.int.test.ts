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

describe('a product with many reviews is read a page at a time', () => {
  it('pages 20 approved reviews (3 pending left out) in every sort, each page one index Query, with the stored summary', async () => {
    const { putProduct, uniqueId } = await import('../checkout/test-support/fixtures');
    const { putNewReview } = await import('./review-store');
    const { moderateReview } = await import('@/server/reviews');
    const product = await putProduct({ variants: [{ id: 'v', price: 1_500, stock: 3 }] });
    const base = Date.parse('2026-03-01T00:00:00Z');
    const written: { id: string; rating: number; createdAt: string; approved: boolean }[] = [];
    for (let i = 0; i < 23; i++) {
      const review = {
        productId: product.id,
        authorId: uniqueId('author'),
        reviewId: uniqueId('rev'),
        status: 'PENDING' as const,
        rating: (i % 5) + 1,
        title: `Review ${i}`,
        body: 'Written straight to the table by the paging test.',
        authorName: 'Ada L.',
        // Two reviews share each timestamp: ties must still page without a repeat or a gap.
        createdAt: new Date(base + Math.floor(i / 2) * 60_000).toISOString(),
      };
      await putNewReview(review);
      written.push({ id: review.reviewId, rating: review.rating, createdAt: review.createdAt, approved: i < 20 });
    }
    for (const r of written.filter((w) => w.approved)) await moderateReview(marketer, r.id, { status: 'APPROVED' });

    // Every DynamoDB call the page reads make, to show what one page costs.
    const sent: { name: string; input: Record<string, unknown> }[] = [];
    const client = dynamoDoc();
    const originalSend = client.send.bind(client);
    const spy = vi.spyOn(client, 'send').mockImplementation(((command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      return originalSend(command as never);
    }) as never);

    const approved = written.filter((w) => w.approved);
    const newestFirst = (a: (typeof approved)[number], b: (typeof approved)[number]) => b.createdAt.localeCompare(a.createdAt);
    const expected = {
      newest: approved.toSorted(newestFirst).map((r) => r.createdAt),
      'rating-desc': approved.toSorted((a, b) => b.rating - a.rating || newestFirst(a, b)).map((r) => `${r.rating}@${r.createdAt}`),
      'rating-asc': approved.toSorted((a, b) => a.rating - b.rating || newestFirst(a, b)).map((r) => `${r.rating}@${r.createdAt}`),
    };
    try {
      for (const sort of ['newest', 'rating-desc', 'rating-asc'] as const) {
        const seen: ReviewsJson['items'] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          sent.length = 0;
          const page: ReviewsJson = await list(product.slug, `?sort=${sort}&limit=6${cursor ? `&cursor=${cursor}` : ''}`);
          expect(page.summary).toEqual({ average: 3, count: 20, histogram: { '1': 4, '2': 4, '3': 4, '4': 4, '5': 4 } });
          seen.push(...page.items);
          cursor = page.nextCursor;
          pages++;
          // The reviews themselves: one Query of an index, limited to the page (+1), never a consistent read of them all.
          const reads = sent.filter((s) => s.name === 'QueryCommand' && s.input.TableName === tableName('reviews'));
          expect(reads).toHaveLength(1);
          expect(reads[0]!.input).toMatchObject({ Limit: 7, IndexName: expect.stringMatching(/^approved/) });
          expect(reads[0]!.input.ConsistentRead).toBeUndefined();
        } while (cursor && pages < 10);
        expect(pages).toBe(4); // 6 + 6 + 6 + 2, and no empty fifth page
        expect(new Set(seen.map((i) => i.id)).size).toBe(20);
        const byId = new Map(written.map((w) => [w.id, w]));
        const got = seen.map((i) => byId.get(i.id)!);
        expect(sort === 'newest' ? got.map((r) => r.createdAt) : got.map((r) => `${r.rating}@${r.createdAt}`)).toEqual(expected[sort]);
      }
    } finally {
      spy.mockRestore();
    }
    const foreign = await reviewsRoute.GET(
      apiRequest('GET', `/api/products/${product.slug}/reviews?sort=rating-asc&cursor=not-a-cursor`),
      params({ slug: product.slug }),
    );
    expect(foreign.status).toBe(400);
  }, 120_000);
});
