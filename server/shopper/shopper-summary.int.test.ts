import { beforeEach, describe, expect, it, vi } from 'vitest';
import { putProduct, uniqueId } from '../checkout/test-support/fixtures';
import { apiRequest, requestContext, resetRequestContext, testUser } from '../checkout/test-support/request-context';

// GET /api/shopper as a catalog page's one per-shopper read (ADR 0028), against DynamoDB Local: each optional part
// answers what its own JSON route answers (the same domain entries), a part that fails is left out, and without a
// query the answer is what it always was.

vi.mock('next/headers', async () => (await import('../checkout/test-support/request-context')).nextHeadersOnContext());
vi.mock('@/server/identity', async (importOriginal) =>
  (await import('../checkout/test-support/request-context')).identityOnContext(await importOriginal<typeof import('@/server/identity')>(), {
    fromRequest: true,
  }),
);
// Fault injection for the fail-soft case only: the real read unless a test breaks it.
const broken = { recentlyViewed: false };
vi.mock('@/server/interactions', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/server/interactions')>();
  return {
    ...actual,
    recentlyViewed: async (...args: Parameters<typeof actual.recentlyViewed>) => {
      if (broken.recentlyViewed) throw new Error('injected: events table unreadable');
      return actual.recentlyViewed(...args);
    },
  };
});

const shopperRoute = await import('@/app/api/shopper/route');
const wishlistRoute = await import('@/app/api/wishlist/route');
const wishlistItemsRoute = await import('@/app/api/wishlist/items/route');
const recentlyViewedRoute = await import('@/app/api/recently-viewed/route');
const recommendationsRoute = await import('@/app/api/recommendations/route');
const { recordInteraction } = await import('@/server/interactions/record-interaction');

const get = async (route: { GET: (req: Request, ctx: undefined) => Response | Promise<Response> }, path: string) => {
  const res = await route.GET(apiRequest('GET', path), undefined);
  return { status: res.status, cacheControl: res.headers.get('cache-control'), body: (await res.json()) as Record<string, unknown> };
};

beforeEach(() => {
  resetRequestContext();
  broken.recentlyViewed = false;
});

describe('GET /api/shopper: one read for the islands of a catalog page', () => {
  it('answers the parts a product page asks for exactly as their own routes do, private and no-store', async () => {
    const userId = uniqueId('one-call');
    requestContext.user = testUser(userId);
    const [shown, seen, saved] = await Promise.all([1, 2, 3].map(() => putProduct({ variants: [{ id: 'v', price: 1_500, stock: 5 }] })));
    await wishlistItemsRoute.POST(apiRequest('POST', '/api/wishlist/items', { body: { productId: saved!.id } }), undefined);
    const t0 = Date.now();
    await recordInteraction({ type: 'view', productId: seen!.id, actor: { userId }, at: new Date(t0) });
    await recordInteraction({ type: 'view', productId: shown!.id, actor: { userId }, at: new Date(t0 + 1) });

    const one = await get(shopperRoute, `/api/shopper?include=wishlist,recentlyViewed,recommendations&productId=${shown!.id}`);
    expect(one.status).toBe(200);
    expect(one.cacheControl).toBe('private, no-store');
    expect(one.body.user).toEqual({ name: userId, staff: false });
    expect(one.body.flags).toMatchObject({ recommendations: true });

    const wishlist = await get(wishlistRoute, '/api/wishlist');
    expect(one.body.wishlistProductIds).toEqual((wishlist.body.items as { productId: string }[]).map((i) => i.productId));
    expect(one.body.wishlistProductIds).toEqual([saved!.id]);

    const recent = await get(recentlyViewedRoute, `/api/recently-viewed?exclude=${shown!.id}`);
    expect(one.body.recentlyViewed).toEqual(recent.body.items);
    expect((one.body.recentlyViewed as { id: string }[]).map((p) => p.id)).toEqual([seen!.id]);

    const recs = await get(recommendationsRoute, `/api/recommendations?productId=${shown!.id}`);
    expect(one.body.recommendations).toEqual(recs.body);
  });

  it('answers the base alone, as before, when no part is asked for', async () => {
    requestContext.user = testUser(uniqueId('base'));
    const base = await get(shopperRoute, '/api/shopper');
    expect(base.status).toBe(200);
    expect(Object.keys(base.body).sort()).toEqual(['cartCount', 'flags', 'user']);
  });

  it('sends a guest no "for you" list (there is nobody to recommend for) but still their recently viewed', async () => {
    const guest = await get(shopperRoute, '/api/shopper?include=recommendations,recentlyViewed,wishlist');
    expect(guest.status).toBe(200);
    expect(guest.body.user).toBeNull();
    expect(guest.body).not.toHaveProperty('recommendations');
    expect(guest.body.recentlyViewed).toEqual([]);
    expect(guest.body.wishlistProductIds).toEqual([]);
  });

  it('leaves out a part that cannot be read and answers the rest', async () => {
    const userId = uniqueId('soft');
    requestContext.user = testUser(userId);
    const saved = await putProduct({ variants: [{ id: 'v', price: 900, stock: 1 }] });
    await wishlistItemsRoute.POST(apiRequest('POST', '/api/wishlist/items', { body: { productId: saved.id } }), undefined);
    broken.recentlyViewed = true;
    const res = await get(shopperRoute, '/api/shopper?include=wishlist,recentlyViewed');
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('recentlyViewed');
    expect(res.body.wishlistProductIds).toEqual([saved.id]);
    expect(res.body.user).toEqual({ name: userId, staff: false });
  });

  it('refuses a part it does not know and a malformed product id with a 400 naming the parameter', async () => {
    const unknown = await get(shopperRoute, '/api/shopper?include=wishlist,orders');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('include');
    const badId = await get(shopperRoute, '/api/shopper?include=recommendations&productId=../etc');
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body)).toContain('productId');
  });
});
