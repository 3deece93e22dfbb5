import type { CoPurchaseIndex } from './co-purchase';

// The local engine's ranking. Co-purchased products come first (most shared orders first); the rest of the list
// is filled from the same category by popularity (orders), then rating, so a product nobody has bought yet
// ("cold") still gets a useful row. Excluded products (the product itself, out of stock) never appear.

export type Candidate = { id: string; category: string; rating: number; inStock: boolean };

export function rankSimilar(params: {
  seedIds: readonly string[];
  categories: ReadonlySet<string>;
  index: CoPurchaseIndex;
  candidates: ReadonlyMap<string, Candidate>;
  exclude?: ReadonlySet<string>;
  limit: number;
}): string[] {
  const { seedIds, index, candidates, limit } = params;
  const excluded = new Set([...seedIds, ...(params.exclude ?? [])]);
  const eligible = (id: string) => !excluded.has(id) && candidates.get(id)?.inStock === true;

  const together = new Map<string, number>();
  for (const seed of seedIds) {
    for (const [other, count] of index.pairs.get(seed) ?? []) together.set(other, (together.get(other) ?? 0) + count);
  }
  const popularity = (id: string) => index.orders.get(id) ?? 0;
  const rating = (id: string) => candidates.get(id)?.rating ?? 0;
  const byPopularity = (a: string, b: string) => popularity(b) - popularity(a) || rating(b) - rating(a) || a.localeCompare(b);

  const bought = [...together.keys()].filter(eligible).sort((a, b) => (together.get(b) ?? 0) - (together.get(a) ?? 0) || byPopularity(a, b));
  const chosen = new Set(bought.slice(0, limit));
  if (chosen.size < limit) {
    const sameCategory = [...candidates.values()]
      .filter((c) => params.categories.has(c.category) && !chosen.has(c.id) && eligible(c.id))
      .map((c) => c.id)
      .sort(byPopularity);
    for (const id of sameCategory) {
      if (chosen.size >= limit) break;
      chosen.add(id);
    }
  }
  return [...chosen];
}
