import 'server-only';
import { getProductRecords, isInStock, toProductSummary } from '../catalog';
import { getConfig } from '../platform/config';
import { withBudget } from '../platform/resilience';
import { ttlMemo } from '../platform/runtime';
import type { RecommendationSource, Recommendations } from './contract';
import { localSimilarItems, localUserRecommendations } from './local-engine';
import { personalizeForUser, personalizeSimilarItems } from './personalize-adapter';

// Public entry of the recommendations domain. Personalize answers when its campaign is configured and answers
// within the budget; otherwise (absent, slow, throttled, failing, or only recommending unavailable products)
// the local co-purchase engine does. Either way the list is re-checked against the catalog with a consistent
// read, so a recommendation is never the product itself or out of stock (as of the product's stock copy).

export type { Recommendations } from './contract';
// For the orders-stream consumer (server/streams): "bought together" counted exactly once per order.
export { type CoPurchaseReport, countCoPurchases } from './count-co-purchases';

export const RECOMMENDATION_DEFAULT_LIMIT = 8;
// Ask Personalize for more than we show: some answers will be out of stock or gone.
const OVERFETCH = 2;

async function toSummaries(ids: string[], exclude: string | undefined, limit: number, source: RecommendationSource): Promise<Recommendations> {
  // The stock copies (ADR 0029): a recommendation sells nothing, and the cart and checkout read the ledger itself.
  const records = await getProductRecords(ids, { stock: 'copy' });
  const items = ids
    .filter((id) => id !== exclude)
    .map((id) => records.get(id))
    .filter((r) => r !== undefined && isInStock(r))
    .slice(0, limit)
    .map((r) => toProductSummary(r!));
  return { items, source };
}

async function recommend(
  remote: ((signal: AbortSignal) => Promise<string[]>) | undefined,
  local: () => Promise<string[]>,
  exclude: string | undefined,
  limit: number,
): Promise<Recommendations> {
  if (remote) {
    const outcome = await withBudget('personalize', remote, getConfig().AI_SERVICE_BUDGET_MS, () => null);
    if (outcome.value) {
      const fromPersonalize = await toSummaries(outcome.value, exclude, limit, 'personalize');
      if (fromPersonalize.items.length > 0) return fromPersonalize;
    }
  }
  return toSummaries(await local(), exclude, limit, 'local');
}

// "Customers also bought" is the same for every shopper, and computing it (one GetItem of the top list, the
// candidates' product reads, a category search) is most of a product page's server time. Kept per process for
// 10 s: with the stream's ~1–2 s, a new co-purchase shows within 15 s of the order (docs/recommendations.md);
// stock is re-checked at checkout, so a recommendation at most this stale is harmless.
const productMemo = ttlMemo('recommendations:by-product', { ttlMs: 10_000, max: 5_000 });

/** "Customers also bought" for a product page. */
export async function recommendForProduct(productId: string, limit = RECOMMENDATION_DEFAULT_LIMIT): Promise<Recommendations> {
  return productMemo.get(`${productId}:${limit}`, () => computeForProduct(productId, limit));
}

/** Drops remembered product recommendations (tests that place orders and expect fresh co-purchases). */
export function forgetProductRecommendations(): void {
  productMemo.clear();
}

async function computeForProduct(productId: string, limit: number): Promise<Recommendations> {
  const arn = getConfig().PERSONALIZE_SIMILAR_ITEMS_CAMPAIGN_ARN;
  return recommend(
    arn ? (signal) => personalizeSimilarItems(arn, productId, limit * OVERFETCH, signal) : undefined,
    () => localSimilarItems(productId, limit),
    productId,
    limit,
  );
}

/** "Recommended for you" for a signed-in shopper (the caller passes the verified user id). */
export async function recommendForUser(userId: string, limit = RECOMMENDATION_DEFAULT_LIMIT): Promise<Recommendations> {
  const arn = getConfig().PERSONALIZE_USER_CAMPAIGN_ARN;
  return recommend(
    arn ? (signal) => personalizeForUser(arn, userId, limit * OVERFETCH, signal) : undefined,
    () => localUserRecommendations(userId, limit),
    undefined,
    limit,
  );
}
