import { describe, expect, it } from 'vitest';
import { putProduct, uniqueId } from '../checkout/test-support/fixtures';
import { recentlyViewed } from './recently-viewed';
import { recordInteraction } from './record-interaction';

describe('recently viewed', () => {
  it('lists the actor’s own viewed products, newest first and once each, never another shopper’s', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => putProduct({ variants: [{ id: 'v', price: 100, stock: 1 }] })));
    const alice = { userId: uniqueId('alice') };
    const guest = { anonId: uniqueId('anon') };
    const t0 = Date.now();
    await recordInteraction({ type: 'view', productId: a!.id, actor: alice, at: new Date(t0) });
    await recordInteraction({ type: 'view', productId: b!.id, actor: alice, at: new Date(t0 + 1) });
    await recordInteraction({ type: 'add-to-cart', productId: c!.id, actor: alice, at: new Date(t0 + 2) });
    await recordInteraction({ type: 'view', productId: a!.id, actor: alice, at: new Date(t0 + 3) });
    await recordInteraction({ type: 'view', productId: c!.id, actor: guest, at: new Date(t0 + 4) });

    expect((await recentlyViewed(alice)).map((p) => p.id)).toEqual([a!.id, b!.id]);
    expect((await recentlyViewed(alice, { exclude: a!.id })).map((p) => p.id)).toEqual([b!.id]);
    expect((await recentlyViewed(guest)).map((p) => p.id)).toEqual([c!.id]);
    expect(await recentlyViewed({ userId: uniqueId('nobody') })).toEqual([]);
  });
});
