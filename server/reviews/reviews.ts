import { randomBytes } from 'node:crypto';
import { getProductBySlug, getProductRecords, type Product, setProductReviewStats } from '../catalog';
import type { SessionUser } from '../identity';
import { hasReceivedProduct } from '../orders';
import { isConditionalCheckFailure } from '../platform/db';
import { AppError } from '../platform/errors';
import { logger } from '../platform/observability';
import type { ModerationReview, PublicReview, ReviewStatus, ReviewSummary, StoredReview } from './contract';
import type { Moderation, NewReview, ReviewSort } from './review-schemas';
import {
  putNewReview,
  queryReviewsByStatus,
  readApprovedPage,
  readAuthorReviewKeys,
  readProductReviews,
  readReviewById,
  readReviewByKey,
  readReviewSummary,
  rekeyReview,
  writeModeration,
  writeReviewSummary,
} from './review-store';
import { summarise } from './review-summary';

// Reviews from verified buyers: written once per product by a shopper who received it, shown only once a marketer
// approved them, and the only source of a reviewed product's rating and review count.

const log = logger.child({ component: 'reviews' });

async function productOrNotFound(slug: string): Promise<Product> {
  const product = await getProductBySlug(slug);
  if (!product) throw new AppError('NOT_FOUND', `There is no product "${slug}".`);
  return product;
}

/** "Ada Lovelace" → "Ada L.": enough to be a person, not enough to find one. */
export function displayName(name: string | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'A verified buyer';
  const first = words[0]!.slice(0, 40);
  return words.length > 1 ? `${first} ${words.at(-1)![0]!.toUpperCase()}.` : first;
}

function toPublic(r: StoredReview): PublicReview {
  // Every stored review passed the verified-buyer check when it was written.
  return { id: r.reviewId, rating: r.rating, title: r.title, body: r.body, author: r.authorName, createdAt: r.createdAt, verifiedPurchase: true };
}

export async function submitReview(user: SessionUser, slug: string, input: NewReview): Promise<{ id: string; status: 'PENDING' }> {
  const product = await productOrNotFound(slug);
  if (!(await hasReceivedProduct(user.id, product.id))) {
    throw new AppError('NOT_VERIFIED_BUYER', 'Only shoppers who received this product can review it.');
  }
  const review: StoredReview = {
    productId: product.id,
    authorId: user.id,
    reviewId: `rev_${randomBytes(12).toString('base64url')}`,
    status: 'PENDING',
    rating: input.rating,
    title: input.title,
    body: input.body,
    authorName: displayName(user.name),
    createdAt: new Date().toISOString(),
  };
  try {
    await putNewReview(review);
  } catch (err) {
    if (isConditionalCheckFailure(err)) throw new AppError('ALREADY_REVIEWED', 'You have already reviewed this product.');
    throw err;
  }
  return { id: review.reviewId, status: 'PENDING' };
}

/**
 * Approved reviews, one page in the asked order (a Query of a sparse index, Limit + ExclusiveStartKey), with the
 * product's stored summary (one GetItem). Neither reads all of a product's reviews, so a product with thousands
 * costs what one with ten does. The cursor is the last review's index key, bound to the sort it was made for.
 */
export async function listProductReviews(
  slug: string,
  params: { sort: ReviewSort; limit: number; cursor?: string },
): Promise<{ items: PublicReview[]; summary: ReviewSummary; nextCursor: string | null }> {
  const product = await productOrNotFound(slug);
  const [page, stored] = await Promise.all([readApprovedPage(product.id, params), readReviewSummary(product.id)]);
  // A product reviewed before summaries were kept: its summary from all its reviews, once (the next moderation stores it).
  const summary = stored ?? summarise(await readProductReviews(product.id));
  return { items: page.items.map(toPublic), summary, nextCursor: page.nextCursor };
}

/**
 * Sets the product's rating and count from its approved reviews: recomputed from all of them (never incremented),
 * so running it twice, or after a redelivered moderation, gives the same exact numbers.
 */
export async function recomputeProductRating(productId: string): Promise<ReviewSummary> {
  const at = new Date().toISOString();
  const summary = summarise(await readProductReviews(productId));
  await writeReviewSummary(productId, summary, at);
  const written = await setProductReviewStats(productId, { rating: summary.average, reviewCount: summary.count, at });
  if (!written) log.info('rating not written: product gone or a newer recount landed', { productId });
  return summary;
}

export async function moderateReview(moderator: SessionUser, reviewId: string, change: Moderation): Promise<ModerationReview> {
  const review = await readReviewById(reviewId);
  if (!review) throw new AppError('NOT_FOUND', 'There is no such review.');
  const updated = await writeModeration(review, {
    status: change.status,
    by: moderator.id,
    reason: change.status === 'REJECTED' ? change.reason : undefined,
    at: new Date().toISOString(),
  });
  await recomputeProductRating(review.productId);
  return toModeration(updated);
}

function toModeration(r: StoredReview): ModerationReview {
  return { ...toPublic(r), productId: r.productId, status: r.status, rejectReason: r.rejectReason ?? null, product: null };
}

export async function listReviewsForModeration(
  status: ReviewStatus,
  limit: number,
  cursor?: string,
): Promise<{ items: ModerationReview[]; nextCursor: string | null }> {
  const { items, nextCursor } = await queryReviewsByStatus(status, limit, cursor);
  const products = await getProductRecords([...new Set(items.map((r) => r.productId))]);
  return {
    items: items.map((r) => {
      const p = products.get(r.productId);
      return { ...toModeration(r), product: p ? { name: p.name, slug: p.slug } : null };
    }),
    nextCursor,
  };
}

/** What a deleted account's reviews say instead of the author's name. */
export const FORMER_CUSTOMER = 'Former customer';

/**
 * Account deletion's eraser (server/account/erasers.ts): each of the shopper's reviews loses its author — the name
 * becomes "Former customer" and the key's user id a per-review one (`former#<reviewId>`) — and keeps its rating,
 * text, status and id, so the product's rating and count do not move and a moderator can still act on it.
 * Idempotent: a second run finds no review under the user id. Answers how many were anonymised.
 */
export async function anonymiseReviewsOf(userId: string): Promise<number> {
  let count = 0;
  for (const key of await readAuthorReviewKeys(userId)) {
    const review = await readReviewByKey(key);
    if (!review) continue; // gone since the index was read
    const anonymised: StoredReview = { ...review, authorId: `former#${review.reviewId}`, authorName: FORMER_CUSTOMER };
    if (await rekeyReview(key, anonymised)) count++;
  }
  return count;
}
