import type { ProductSummary } from '../catalog/contract';

export type RecommendationSource = 'personalize' | 'local';

export type Recommendations = { items: ProductSummary[]; source: RecommendationSource };

/** Products bought together in one order (product ids, duplicates removed). */
export type Basket = readonly string[];
