import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { putProduct } from '@/server/checkout/test-support/fixtures';
import { dynamoDoc } from '@/server/platform/aws/clients';
import { tableName } from '@/server/platform/db/tables';

// What agents read without a session, through the real route handlers on the local stack: /llms.txt, a catalog
// page's Markdown (app/md, where middleware sends `Accept: text/markdown`), and /feeds/products.json, whose prices
// must be the product API's.

vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), cacheLife: () => {}, cacheTag: () => {} }));

const { GET: llms } = await import('@/app/llms.txt/route');
const { GET: markdown } = await import('@/app/md/[[...path]]/route');
const { GET: feed } = await import('@/app/feeds/products.json/route');
const { GET: productApi } = await import('@/app/api/products/[slug]/route');

const SITE = 'http://localhost:3000';
const get = (path: string) => new Request(`${SITE}${path}`);
const mdPage = (path: string[], query = '') => markdown(get(`/md/${path.join('/')}${query}`), { params: Promise.resolve({ path }) });

type FeedPage = {
  items: { id: string; slug: string; price: { amount: number; currency: string }; availability: string; url: string; brand: string }[];
  nextCursor: string | null;
};

async function wholeFeed(): Promise<FeedPage['items']> {
  const items: FeedPage['items'] = [];
  let cursor: string | null = null;
  do {
    const res = await feed(get(`/feeds/products.json?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), undefined);
    expect(res.status).toBe(200);
    const page = (await res.json()) as FeedPage;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

let lantern: Awaited<ReturnType<typeof putProduct>>;
let soldOut: Awaited<ReturnType<typeof putProduct>>;
let hidden: Awaited<ReturnType<typeof putProduct>>;

beforeAll(async () => {
  lantern = await putProduct({
    name: 'Markdown Test Lantern',
    variants: [
      { id: 'amber', price: 3_450, stock: 6, options: { colour: 'Amber' } },
      { id: 'white', price: 3_950, stock: 0, options: { colour: 'White' } },
    ],
  });
  soldOut = await putProduct({ name: 'Feed Test Sold Out Kettle', variants: [{ id: 'one', price: 2_000, stock: 0 }] });
  hidden = await putProduct({ name: 'Feed Test Unpublished', variants: [{ id: 'one', price: 1_000, stock: 5 }] });
  await dynamoDoc().send(new PutCommand({ TableName: tableName('products'), Item: { ...hidden, published: false } }));
});

describe('/llms.txt', () => {
  it('answers Markdown as text/plain naming the catalog, the feed and the MCP server, cacheable by a CDN', async () => {
    const res = await llms(get('/llms.txt'), undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/^public, .*s-maxage=\d+/);
    const text = await res.text();
    expect(text.startsWith('# Trail & Table\n')).toBe(true);
    expect(text).toContain(`${SITE}/feeds/products.json`);
    expect(text).toContain(`${SITE}/api/mcp`);
    expect(text).toContain('`add_to_cart`');
  });
});

describe('catalog pages as Markdown', () => {
  it('renders a product with its price, options, availability and link, Vary: Accept', async () => {
    const res = await mdPage(['p', lantern.slug]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('vary')).toBe('Accept');
    expect(res.headers.get('cache-control')).toMatch(/^public, /);
    const text = await res.text();
    expect(text).toContain('# Markdown Test Lantern');
    expect(text).toContain('- Price: $34.50 (lowest option)');
    expect(text).toContain('- Availability: in stock');
    expect(text).toContain(`- Link: ${SITE}/p/${lantern.slug}`);
    expect(text).toContain('| colour: Amber | $34.50 | 6 in stock | `amber` |');
    expect(text).toContain('| colour: White | $39.50 | out of stock | `white` |');
  });

  it('answers 404 in Markdown for an unknown or unpublished product and an unknown category, never cached', async () => {
    for (const path of [
      ['p', 'no-such-product-here'],
      ['p', hidden.slug],
      ['c', 'no-such-category'],
      ['x', 'y'],
    ]) {
      const res = await mdPage(path);
      expect(res.status, path.join('/')).toBe(404);
      expect(res.headers.get('cache-control')).toBeNull();
    }
  });

  it('renders the home page with its categories and featured products', async () => {
    const res = await mdPage([]);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('# Trail & Table');
    expect(text).toContain('## Featured');
  });
});

describe('/feeds/products.json', () => {
  it('lists every published product once, with the product API’s price and availability, and leaves out unpublished ones', async () => {
    const items = await wholeFeed();
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(lantern.id);
    expect(ids).toContain(soldOut.id);
    expect(ids).not.toContain(hidden.id);

    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(lantern.id)).toMatchObject({
      price: { amount: 3_450, currency: 'USD' },
      availability: 'in_stock',
      url: `${SITE}/p/${lantern.slug}`,
      brand: 'Fixture Co',
    });
    expect(byId.get(soldOut.id)).toMatchObject({ availability: 'out_of_stock' });

    // Every one of a sample (the newest, which includes ours) agrees with GET /api/products/[slug].
    for (const item of items.slice(0, 15)) {
      const res = await productApi(get(`/api/products/${item.slug}`), { params: Promise.resolve({ slug: item.slug }) });
      const product = (await res.json()) as { price: { amount: number; currency: string }; variants: { available: number }[] };
      expect(item.price, item.slug).toEqual(product.price);
      expect(item.availability, item.slug).toBe(product.variants.some((v) => v.available > 0) ? 'in_stock' : 'out_of_stock');
    }
  });

  it('refuses a bad cursor or limit with a 400, never a 500', async () => {
    for (const query of ['?cursor=not-a-cursor', '?limit=0', '?limit=101']) {
      const res = await feed(get(`/feeds/products.json${query}`), undefined);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^(INVALID_CURSOR|VALIDATION_FAILED)$/);
    }
  });
});
