import type { ProductSummary } from '../catalog/contract';

/** What / and GET /api/top-sellers show: a product as listed everywhere else, plus units sold. */
export type TopSeller = ProductSummary & { sold: number };

/** Where a ranking was read from; the API does not expose it, tests and logs do. */
export type RankingSource = 'redis' | 'dynamodb';

export type TopSellersResult = { items: TopSeller[]; source: RankingSource };

/** One product's place in the ranking before hydration. */
export type RankedProduct = { productId: string; sold: number };

/** An inserted order reduced to what the leaderboard counts: units per product (variants summed). */
export type CountableOrder = { userId: string; orderId: string; quantities: Map<string, number> };
