import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { productImageFileName } from '@/server/catalog/images/product-image-name';
import { resetProductImageCachesForTests } from '@/server/catalog/images/serve-product-image';
import { putProduct } from '@/server/checkout/test-support/fixtures';
import { dynamoDoc } from '@/server/platform/aws/clients';
import { tableName } from '@/server/platform/db/tables';
import { semaphore } from '@/server/platform/runtime';
import { GET } from './route';

// GET /images/products/[file] against DynamoDB Local (issue 30 L9): only names a product lists, a bounded number of
// renders at once, and renders kept.

const call = (file: string) => GET(new Request(`http://localhost/images/products/${file}`), { params: Promise.resolve({ file }) });

async function productWithImages(count: number): Promise<string[]> {
  const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 1 }], category: 'coffee' });
  const files = Array.from({ length: count }, (_, n) => productImageFileName({ category: 'coffee', productId: p.id, index: n + 1 }));
  await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('products'),
      Key: { id: p.id },
      UpdateExpression: 'SET images = :i',
      ExpressionAttributeValues: { ':i': files.map((f) => `/images/products/${f}`) },
    }),
  );
  return files;
}

// The route's own render bound (same process-wide instance: semaphore() is a process singleton by name).
const renders = semaphore('product-image-render', { active: 2, queued: 8 });

/** Takes every render slot and queue place until the returned function is called. */
function occupyRenders(): () => Promise<void> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const held: Promise<unknown>[] = [];
  for (let i = 0; i < 10; i++) held.push(renders.run(() => gate));
  return async () => {
    open();
    await Promise.all(held);
  };
}

beforeEach(() => resetProductImageCachesForTests());

describe('GET /images/products/[file]', () => {
  it('answers an 800×800 PNG that may be cached forever for an image a product lists', async () => {
    const [file] = await productWithImages(1);
    const res = await call(file!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 800, height: 800 });
  });

  it('draws each colourway a product lists under imagesByColour, in its own colour', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 1 }], category: 'backpacks' });
    const [red, teal] = ['red', 'teal'].map((colour) => productImageFileName({ category: 'backpacks', productId: p.id, colour, index: 1 }));
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('products'),
        Key: { id: p.id },
        UpdateExpression: 'SET images = :i, imagesByColour = :c',
        ExpressionAttributeValues: { ':i': [`/images/products/${red}`], ':c': { Red: [`/images/products/${red}`], Teal: [`/images/products/${teal}`] } },
      }),
    );
    const [a, b] = await Promise.all([call(red!), call(teal!)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const [pa, pb] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
    expect(Buffer.from(pa).equals(Buffer.from(pb))).toBe(false);
    // Listed for this product only: the same colour of another id is an invented name.
    expect((await call(productImageFileName({ category: 'backpacks', productId: p.id, colour: 'navy', index: 1 }))).status).toBe(404);
  });

  it('answers 400 with a JSON error for a name it could not have produced', async () => {
    const res = await call('..%2Fsecrets.png');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringContaining('<category>.<productId>.<n>.png') } });
  });

  it('answers 404 for invented names: no such product, another category, an index the product does not list (issue 30 L9)', async () => {
    const [file] = await productWithImages(2);
    const [, productId] = file!.split('.');
    for (const invented of [
      'coffee.p-f82dde0c625dba94.2.png',
      `coffee.p-${Math.random().toString(16).slice(2, 18)}.1.png`,
      `tea.${productId}.1.png`,
      `coffee.${productId}.3.png`,
    ]) {
      const res = await call(invented);
      expect(res.status, invented).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });

  it('draws at most a few at once: beyond the bound 503 with Retry-After, a drawn image is kept (issue 30 L9)', async () => {
    const [kept, other] = await productWithImages(2);
    expect((await call(kept!)).status).toBe(200);
    const release = occupyRenders();
    try {
      const refused = await call(other!);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('UNAVAILABLE');
      // Already drawn: answered from memory, no render slot needed.
      const cached = await call(kept!);
      expect(cached.status).toBe(200);
      expect((await sharp(Buffer.from(await cached.arrayBuffer())).metadata()).width).toBe(800);
    } finally {
      await release();
    }
    // A refusal is not remembered: with the slots free the same name is drawn.
    expect((await call(other!)).status).toBe(200);
  });
});
