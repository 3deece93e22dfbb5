import { getProductRecords, isInStock, type ProductRecord } from '../catalog';
import { getTopSellers } from '../leaderboard';
import { recentlyPurchasedProductIds } from '../orders';
import { searchProducts } from '../search';
import { type Partner, readBoughtTogether } from './bought-together-store';
import type { CoPurchaseIndex } from './co-purchase';
import { type Candidate, rankSimilar } from './rank-candidates';

// The recommendation engine that needs no AWS: "bought together" top lists kept by the orders-stream consumer
// (one GetItem per seed product, never a read of all orders), blended with category popularity. Answers product
// ids; index.ts turns them into summaries after a consistent stock check.

const CATEGORY_POOL = 60;
/** Candidates are ranked on the products' stock copies (ADR 0029), not the ledger: nothing here sells. */
const COPY = { stock: 'copy' } as const;
/** Seeds of "Recommended for you": the shopper's most recently bought products. */
const USER_SEEDS = 10;

/**
 * In-stock, best-rated products of a category (or of the whole shop) from the search index, as candidates: the index
 * already knows category, rating and stock, so the pool costs no product reads (index.ts re-checks the chosen few
 * with a consistent read before answering).
 */
async function popularPool(category: string | undefined): Promise<Candidate[]> {
  const result = await searchProducts({ q: '', category, inStock: true, sort: 'rating', limit: CATEGORY_POOL });
  return result.items.map((p) => ({ id: p.id, category: p.category, rating: p.rating, inStock: true }));
}

/** Candidates from the pools, then from product records (co-purchased products and best sellers), records winning. */
function toCandidates(pools: readonly Candidate[], records: Map<string, ProductRecord>): Map<string, Candidate> {
  const out = new Map(pools.map((c) => [c.id, c]));
  for (const r of records.values()) out.set(r.id, { id: r.id, category: r.category, rating: r.rating, inStock: isInStock(r) });
  return out;
}

/** The seeds' top lists as the ranking's index; `orders` (popularity) only where the caller knows it. */
async function seedIndex(seeds: readonly string[], popularity: ReadonlyMap<string, number> = new Map()): Promise<CoPurchaseIndex> {
  const lists = await Promise.all(seeds.map((id) => readBoughtTogether(id)));
  const pairs = new Map(seeds.map((id, i) => [id, new Map((lists[i] as Partner[]).map((p) => [p.id, p.orders]))]));
  return { pairs, orders: popularity };
}

const partnersOf = (index: CoPurchaseIndex) => [...new Set([...index.pairs.values()].flatMap((row) => [...row.keys()]))];

/** "Customers also bought": products bought with this one, then popular ones from its category. */
export async function localSimilarItems(productId: string, limit: number): Promise<string[]> {
  const [index, seedRecords] = await Promise.all([seedIndex([productId]), getProductRecords([productId], COPY)]);
  const seed = seedRecords.get(productId);
  if (!seed) return [];
  const [pool, partners] = await Promise.all([popularPool(seed.category), getProductRecords(partnersOf(index), COPY)]);
  return rankSimilar({ seedIds: [productId], categories: new Set([seed.category]), index, candidates: toCandidates(pool, partners), limit });
}

/** The shop's best sellers (units sold): the popularity of a shopper with no orders. Empty when unavailable. */
async function bestSellers(): Promise<Map<string, number>> {
  try {
    return new Map((await getTopSellers(50)).items.map((t) => [t.id, t.sold]));
  } catch {
    return new Map();
  }
}

/**
 * "Recommended for you": products bought with what this shopper bought, then popular ones from those categories;
 * a shopper with no orders gets the shop's most popular in-stock products. Already-bought products are left out.
 */
export async function localUserRecommendations(userId: string, limit: number): Promise<string[]> {
  const bought = await recentlyPurchasedProductIds(userId);
  const popularity = bought.length === 0 ? await bestSellers() : new Map<string, number>();
  const [index, boughtRecords] = await Promise.all([seedIndex(bought.slice(0, USER_SEEDS), popularity), getProductRecords(bought, COPY)]);
  const categories = new Set([...boughtRecords.values()].map((r) => r.category));
  const pools = categories.size > 0 ? await Promise.all([...categories].slice(0, 3).map((c) => popularPool(c))) : [await popularPool(undefined)];
  const records = await getProductRecords([...partnersOf(index), ...popularity.keys()], COPY);
  const candidates = toCandidates(pools.flat(), records);
  const everyCategory = categories.size > 0 ? categories : new Set([...candidates.values()].map((c) => c.category));
  return rankSimilar({ seedIds: bought, categories: everyCategory, index, candidates, exclude: new Set(bought), limit });
}
