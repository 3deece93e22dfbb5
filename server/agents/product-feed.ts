import { listProductDetails, type Product } from '../catalog';
import type { Money } from '../platform/money';
import { siteUrl } from '../platform/site';

// GET /feeds/products.json (API.md "For agents and feeds"): every published product, page by page through the
// catalog's listAll index (newest first; no Scan on the request path). `price` is the product's own `price` (the
// lowest variant price) from the same mapping GET /api/products/[slug] answers, so the two cannot disagree.

type FeedItem = {
  id: string;
  slug: string;
  name: string;
  description: string;
  url: string;
  image: string;
  price: Money;
  availability: 'in_stock' | 'out_of_stock';
  brand: string;
  category: string;
};

function toFeedItem(p: Product): FeedItem {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    url: siteUrl(`/p/${p.slug}`),
    image: p.image ? siteUrl(p.image) : '',
    price: p.price,
    availability: p.variants.some((v) => v.available > 0) ? 'in_stock' : 'out_of_stock',
    brand: p.brand,
    category: p.category,
  };
}

export async function productFeedPage(params: { limit: number; cursor?: string }): Promise<{ items: FeedItem[]; nextCursor: string | null }> {
  const page = await listProductDetails(params);
  return { items: page.items.map(toFeedItem), nextCursor: page.nextCursor };
}
