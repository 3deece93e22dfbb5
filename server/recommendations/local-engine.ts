import { getProductRecords, isInStock, type ProductRecord } from '../catalog';
import { searchProducts } from '../search';
import { buildCoPurchase, type CoPurchaseIndex } from './co-purchase';
import { orderBaskets } from './order-baskets';
import { type Candidate, rankSimilar } from './rank-candidates';

// The recommendation engine that needs no AWS: co-purchase counts from real orders, blended with category
// popularity. Answers product ids; index.ts turns them into summaries after a consistent stock check.

const CATEGORY_POOL = 60;

async function coPurchaseIndex(): Promise<{ index: CoPurchaseIndex; byUser: Map<string, Set<string>> }> {
  const baskets = await orderBaskets();
  const byUser = new Map<string, Set<string>>();
  for (const b of baskets) {
    let set = byUser.get(b.userId);
    if (!set) byUser.set(b.userId, (set = new Set()));
    for (const id of b.productIds) set.add(id);
  }
  return { index: buildCoPurchase(baskets.map((b) => b.productIds)), byUser };
}

/** In-stock, best-rated products of a category (or of the whole shop) from the search index. */
async function popularPool(category: string | undefined): Promise<string[]> {
  const result = await searchProducts({ q: '', category, inStock: true, sort: 'rating', limit: CATEGORY_POOL });
  return result.items.map((p) => p.id);
}

function toCandidates(records: Map<string, ProductRecord>): Map<string, Candidate> {
  return new Map([...records.values()].map((r) => [r.id, { id: r.id, category: r.category, rating: r.rating, inStock: isInStock(r) }]));
}

function topCoPurchased(index: CoPurchaseIndex, seeds: Iterable<string>, cap: number): string[] {
  const ids = new Set<string>();
  for (const seed of seeds) for (const other of index.pairs.get(seed)?.keys() ?? []) ids.add(other);
  return [...ids].slice(0, cap);
}

/** "Customers also bought": products bought with this one, then popular ones from its category. */
export async function localSimilarItems(productId: string, limit: number): Promise<string[]> {
  const [{ index }, seedRecords] = await Promise.all([coPurchaseIndex(), getProductRecords([productId])]);
  const seed = seedRecords.get(productId);
  if (!seed) return [];
  const pool = await popularPool(seed.category);
  const records = await getProductRecords([...topCoPurchased(index, [productId], 100), ...pool]);
  return rankSimilar({ seedIds: [productId], categories: new Set([seed.category]), index, candidates: toCandidates(records), limit });
}

/**
 * "Recommended for you": products bought with what this shopper bought, then popular ones from those categories;
 * a shopper with no orders gets the shop's most popular in-stock products. Already-bought products are left out.
 */
export async function localUserRecommendations(userId: string, limit: number): Promise<string[]> {
  const { index, byUser } = await coPurchaseIndex();
  const bought = [...(byUser.get(userId) ?? [])];
  const boughtRecords = await getProductRecords(bought);
  const categories = new Set([...boughtRecords.values()].map((r) => r.category));
  const pools = categories.size > 0 ? await Promise.all([...categories].slice(0, 3).map((c) => popularPool(c))) : [await popularPool(undefined)];
  const mostOrdered = [...index.orders.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 50)
    .map(([id]) => id);
  const records = await getProductRecords([...topCoPurchased(index, bought, 100), ...pools.flat(), ...(categories.size === 0 ? mostOrdered : [])]);
  const candidates = toCandidates(records);
  const everyCategory = categories.size > 0 ? categories : new Set([...candidates.values()].map((c) => c.category));
  return rankSimilar({ seedIds: bought, categories: everyCategory, index, candidates, limit });
}
