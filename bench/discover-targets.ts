// Picks real URLs from the running app's own API: the first category, a product of it with a purchasable
// variant, and a word from that product's name to search for.
import { z } from 'zod';

const categoriesSchema = z.object({ categories: z.array(z.object({ slug: z.string(), productCount: z.number().optional() })).min(1) });
const productsSchema = z.object({ items: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })).min(1) });
const productSchema = z.object({ id: z.string(), variants: z.array(z.object({ id: z.string(), available: z.number() })).min(1) });

export interface BenchTargets {
  categorySlug: string;
  productSlug: string;
  productId: string;
  variantId: string;
  searchWord: string;
  /** Sum of the categories' product counts, when the API gives them. */
  catalogProducts: number | null;
}

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return schema.parse(await res.json());
}

export async function discoverTargets(origin: string): Promise<BenchTargets> {
  const { categories } = await getJson(`${origin}/api/categories`, categoriesSchema);
  const categorySlug = categories[0]!.slug;
  const counted = categories.every((c) => typeof c.productCount === 'number');
  const catalogProducts = counted ? categories.reduce((sum, c) => sum + (c.productCount ?? 0), 0) : null;
  const { items } = await getJson(`${origin}/api/products?category=${encodeURIComponent(categorySlug)}&limit=24`, productsSchema);
  for (const item of items) {
    const product = await getJson(`${origin}/api/products/${encodeURIComponent(item.slug)}`, productSchema);
    const variant = product.variants.find((v) => v.available > 0);
    if (!variant) continue;
    const searchWord = item.name.toLowerCase().match(/[a-z]{4,}/)?.[0] ?? item.name.split(/\s+/)[0]!.toLowerCase();
    return { categorySlug, productSlug: item.slug, productId: product.id, variantId: variant.id, searchWord, catalogProducts };
  }
  throw new Error(`no product in stock in category ${categorySlug}`);
}
