import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { getProductBySlug } from '@/server/catalog';
import { putProduct } from '@/server/checkout/test-support/fixtures';
import { cognitoClient } from '@/server/platform/aws/clients';
import { tagsForProductChange } from '@/server/platform/cache';
import { searchProducts } from '@/server/search';
import { startProductsStreamConsumer, stopProductsStreamConsumer } from '@/server/streams/products-stream';
import { PATCH as patchRoute } from './[id]/route';

// Issue 29: a marketer's content edit (name and description, PATCH /api/admin/products/[id]) reaches the shop
// within the 10 s budget through the same path a price change takes: the products stream consumer (in process,
// as on the local stack) updates the search index and expires the product's cache tags, which is what makes the
// cached product page read again. Real tokens from cognito-local, the real stream of DynamoDB Local.

const expireTags = vi.fn<(tags: string[]) => Promise<void>>();
vi.mock('@/server/platform/cache', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/server/platform/cache')>();
  return {
    ...real,
    expireTags: (tags: string[]) => {
      expireTags(tags);
      return real.expireTags(tags);
    },
  };
});
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), cacheLife: () => {}, cacheTag: () => {} }));

const env = inject('localStackEnv');
const BUDGET = { timeout: 10_000, interval: 200 };

async function marketerToken(): Promise<string> {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: env.COGNITO_CLIENT_ID!,
      AuthParameters: { USERNAME: 'marketer@example.com', PASSWORD: 'Marketer-pass-1' },
    }),
  );
  return out.AuthenticationResult!.AccessToken!;
}

beforeAll(async () => {
  const consumer = startProductsStreamConsumer();
  expect(consumer).not.toBeNull();
  await consumer!.ready;
}, 60_000);

afterAll(async () => {
  await stopProductsStreamConsumer();
});

describe('product content freshness', () => {
  it('a PATCH of name and description shows on the product page data and in search within 10 s', async () => {
    const letters = () => Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
    // A name of its own too: "Test product p-…" shares words with every other suite's products, so whether the old
    // name still found this one depended on which others were in the table (alone, the id in it matched).
    const product = await putProduct({ name: `Ashgrove ${letters()} kettle`, variants: [{ id: 'v', price: 2_400, stock: 5 }] });
    // A made-up word (random letters after an unusual start): before the PATCH it must not find this product; after
    // it, it must. Other suites' products share the table, so the checks are about this product, not the whole list
    // (a word that was a bare prefix of another suite's "zephyrine" once found that product).
    const word = `qz${letters()}`;
    const name = `Quillfeather ${word} lantern`;
    const description = `Glows amber; ${word} brass and mica.`;
    await vi.waitFor(async () => expect((await searchProducts({ q: product.name, limit: 5 })).items.map((i) => i.id)).toContain(product.id), BUDGET);
    expect((await searchProducts({ q: `quillfeather ${word}`, limit: 5 })).items.map((i) => i.id)).not.toContain(product.id);
    expireTags.mockClear();

    const token = await marketerToken();
    const res = await patchRoute(
      new Request(`http://127.0.0.1:3000/api/admin/products/${product.id}`, {
        method: 'PATCH',
        headers: { cookie: `sf_at=${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, description, expectedVersion: 0 }),
      }),
      { params: Promise.resolve({ id: product.id }) },
    );
    expect(res.status).toBe(200);

    // The product page's read, and the cache tags its cached copy hangs on, expired by the stream consumer.
    await vi.waitFor(async () => expect(await getProductBySlug(product.slug)).toMatchObject({ name, description }), BUDGET);
    await vi.waitFor(() => expect(expireTags).toHaveBeenCalledWith(tagsForProductChange(product.id, [product.category])), BUDGET);
    // Search: found by the new name and by a word only the new description has; the old name no longer finds it.
    await vi.waitFor(async () => {
      expect((await searchProducts({ q: `quillfeather ${word}`, limit: 5 })).items[0]).toMatchObject({ id: product.id, name });
    }, BUDGET);
    await vi.waitFor(async () => expect((await searchProducts({ q: 'mica', limit: 100 })).items.map((i) => i.id)).toContain(product.id), BUDGET);
    expect((await searchProducts({ q: product.name, limit: 100 })).items.map((i) => i.id)).not.toContain(product.id);
  });
});
