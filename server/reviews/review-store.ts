import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dynamoDoc } from '../platform/aws/clients';
import { isConditionalCheckFailure, isTransactionCanceled, queryPages, tableName } from '../platform/db';
import { ENGAGEMENT_INDEXES } from '../platform/db/tables';
import { AppError } from '../platform/errors';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import type { ReviewStatus, ReviewSummary, StoredReview } from './contract';
import type { ReviewSort } from './review-schemas';

// The reviews table adapter (key: productId + authorId, so a second review by the same author is a key clash).
// Besides the reviews, each reviewed product has one summary item (authorId SUMMARY_AUTHOR): the approved reviews'
// count, average and histogram, so a page of reviews never needs all of them.

const SUMMARY_AUTHOR = '#summary';

/**
 * The sort keys of the approved-review indexes (ADR 0029's companion: reviews paged). Rating and creation time never
 * change, so they are written with the review; `approvedFor` (the indexes' partition) only while it is approved.
 *   ratingNewest     `<rating>#<createdAt>` read backwards: best first, newest first within a rating
 *   ratingAscNewest  `<rating>#<inverted createdAt>` read forwards: worst first, newest first within a rating
 */
export function reviewIndexKeys(r: Pick<StoredReview, 'rating' | 'createdAt'>): { ratingNewest: string; ratingAscNewest: string } {
  const inverted = String(9_999_999_999_999 - Date.parse(r.createdAt)).padStart(13, '0');
  return { ratingNewest: `${r.rating}#${r.createdAt}`, ratingAscNewest: `${r.rating}#${inverted}` };
}

/** A review as stored: the record, its index sort keys, and `approvedFor` while it is approved. */
export function indexedReview(review: StoredReview): StoredReview & Record<string, unknown> {
  return { ...review, ...reviewIndexKeys(review), ...(review.status === 'APPROVED' ? { approvedFor: review.productId } : {}) };
}

/** Conditional Put: throws ConditionalCheckFailedException when this author already reviewed this product. */
export async function putNewReview(review: StoredReview): Promise<void> {
  await dynamoDoc().send(
    new PutCommand({ TableName: tableName('reviews'), Item: indexedReview(review), ConditionExpression: 'attribute_not_exists(productId)' }),
  );
}

/**
 * Every review of one product (consistent: a moderation's recount must see its own write). For recounts only
 * (a moderation, the seed); a shopper's read goes through readApprovedPage and readReviewSummary.
 */
export async function readProductReviews(productId: string): Promise<StoredReview[]> {
  const items: StoredReview[] = [];
  for await (const out of queryPages({
    TableName: tableName('reviews'),
    KeyConditionExpression: 'productId = :p',
    ExpressionAttributeValues: { ':p': productId },
    ConsistentRead: true,
  })) {
    items.push(...((out.Items ?? []) as StoredReview[]).filter((r) => r.authorId !== SUMMARY_AUTHOR));
  }
  return items;
}

const APPROVED_INDEX: Record<ReviewSort, { index: string; range: string; forward: boolean }> = {
  newest: { index: ENGAGEMENT_INDEXES.reviewsApprovedNewest, range: 'createdAt', forward: false },
  'rating-desc': { index: ENGAGEMENT_INDEXES.reviewsApprovedRatingDesc, range: 'ratingNewest', forward: false },
  'rating-asc': { index: ENGAGEMENT_INDEXES.reviewsApprovedRatingAsc, range: 'ratingAscNewest', forward: true },
};

const approvedCursor = z.object({ a: z.string().min(1).max(300), k: z.string().min(1).max(300), s: z.enum(['newest', 'rating-desc', 'rating-asc']) });

/** Decodes a page cursor and checks it was made for this sort (400 INVALID_CURSOR otherwise). */
function startKey(productId: string, sort: ReviewSort, cursor: string | undefined): Record<string, string> | undefined {
  if (!cursor) return undefined;
  const c = decodeCursor(cursor, approvedCursor);
  if (c.s !== sort) throw new AppError('INVALID_CURSOR', 'The cursor belongs to another sort order. Start again from the first page.');
  return { productId, authorId: c.a, approvedFor: productId, [APPROVED_INDEX[sort].range]: c.k };
}

/**
 * One page of a product's approved reviews in the asked order: one Query of a sparse index with Limit (+1, so the
 * cursor is null exactly on the last page) and ExclusiveStartKey; eventually consistent, like any index read.
 */
export async function readApprovedPage(
  productId: string,
  params: { sort: ReviewSort; limit: number; cursor?: string },
): Promise<{ items: StoredReview[]; nextCursor: string | null }> {
  const plan = APPROVED_INDEX[params.sort];
  const out = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('reviews'),
      IndexName: plan.index,
      KeyConditionExpression: 'approvedFor = :p',
      ExpressionAttributeValues: { ':p': productId },
      ScanIndexForward: plan.forward,
      Limit: params.limit + 1,
      ExclusiveStartKey: startKey(productId, params.sort, params.cursor),
    }),
  );
  const items = ((out.Items ?? []) as (StoredReview & Record<string, unknown>)[]).slice(0, params.limit + 1);
  const page = items.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor = items.length > params.limit && last ? encodeCursor({ a: last.authorId, k: String(last[plan.range]), s: params.sort }) : null;
  return { items: page, nextCursor };
}

type SummaryItem = ReviewSummary & { at: string };

/** The product's stored summary, or null for a product whose reviews were written before summaries were kept. */
export async function readReviewSummary(productId: string): Promise<ReviewSummary | null> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('reviews'), Key: { productId, authorId: SUMMARY_AUTHOR } }));
  const item = out.Item as SummaryItem | undefined;
  return item ? { average: item.average, count: item.count, histogram: item.histogram } : null;
}

/**
 * Stores a summary computed from all of a product's reviews as read at `at`; a summary from an older read than the
 * stored one is dropped (two moderations racing never leave the older numbers behind). Idempotent.
 */
export async function writeReviewSummary(productId: string, summary: ReviewSummary, at: string): Promise<void> {
  try {
    await dynamoDoc().send(
      new PutCommand({
        TableName: tableName('reviews'),
        Item: { productId, authorId: SUMMARY_AUTHOR, average: summary.average, count: summary.count, histogram: summary.histogram, at },
        ConditionExpression: 'attribute_not_exists(#at) OR #at <= :at',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  } catch (err) {
    if (!isConditionalCheckFailure(err)) throw err;
  }
}

/** The summary items of seeded reviews, as writeReviewSummary would store them. */
export function summaryItem(productId: string, summary: ReviewSummary, at: string): Record<string, unknown> {
  return { productId, authorId: SUMMARY_AUTHOR, average: summary.average, count: summary.count, histogram: summary.histogram, at };
}

export async function readReviewById(reviewId: string): Promise<StoredReview | null> {
  const out = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('reviews'),
      IndexName: ENGAGEMENT_INDEXES.reviewsById,
      KeyConditionExpression: 'reviewId = :r',
      ExpressionAttributeValues: { ':r': reviewId },
      ProjectionExpression: 'productId, authorId',
    }),
  );
  const key = out.Items?.[0];
  if (!key) return null;
  // The index is eventually consistent; the item itself is read strongly.
  return readReviewByKey({ productId: String(key.productId), authorId: String(key.authorId) });
}

export async function readReviewByKey(key: { productId: string; authorId: string }): Promise<StoredReview | null> {
  const item = await dynamoDoc().send(new GetCommand({ TableName: tableName('reviews'), Key: key, ConsistentRead: true }));
  return (item.Item as StoredReview | undefined) ?? null;
}

export async function writeModeration(review: StoredReview, change: { status: ReviewStatus; by: string; reason?: string; at: string }): Promise<StoredReview> {
  const approved = change.status === 'APPROVED';
  // The index keys are set again: a review written before they existed gets them on its next moderation.
  const sets = ['#s = :s', 'moderatedAt = :at', 'moderatedBy = :by', 'ratingNewest = :rn', 'ratingAscNewest = :ra'];
  if (approved) sets.push('approvedFor = :p');
  if (change.reason) sets.push('rejectReason = :why');
  const removes = [...(change.reason ? [] : ['rejectReason']), ...(approved ? [] : ['approvedFor'])];
  const out = await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('reviews'),
      Key: { productId: review.productId, authorId: review.authorId },
      UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: 'attribute_exists(productId)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':s': change.status,
        ':at': change.at,
        ':by': change.by,
        ':rn': reviewIndexKeys(review).ratingNewest,
        ':ra': reviewIndexKeys(review).ratingAscNewest,
        ...(approved ? { ':p': review.productId } : {}),
        ...(change.reason ? { ':why': change.reason } : {}),
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return out.Attributes as StoredReview;
}

const queueCursor = z.object({ p: z.string(), a: z.string(), s: z.string(), c: z.string() });

/** Reviews in one status, oldest first (a queue is worked from its oldest entry). */
export async function queryReviewsByStatus(
  status: ReviewStatus,
  limit: number,
  cursor?: string,
): Promise<{ items: StoredReview[]; nextCursor: string | null }> {
  const start = cursor ? decodeCursor(cursor, queueCursor) : undefined;
  const out = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('reviews'),
      IndexName: ENGAGEMENT_INDEXES.reviewsByStatus,
      KeyConditionExpression: '#s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status },
      Limit: limit,
      ExclusiveStartKey: start ? { productId: start.p, authorId: start.a, status: start.s, createdAt: start.c } : undefined,
    }),
  );
  const last = out.LastEvaluatedKey;
  return {
    items: (out.Items ?? []) as StoredReview[],
    nextCursor: last ? encodeCursor({ p: last.productId, a: last.authorId, s: last.status, c: last.createdAt }) : null,
  };
}

/** Keys of every review written by `authorId` (the byAuthor index; eventually consistent on AWS). */
export async function readAuthorReviewKeys(authorId: string): Promise<{ productId: string; authorId: string }[]> {
  const keys: { productId: string; authorId: string }[] = [];
  for await (const page of queryPages({
    TableName: tableName('reviews'),
    IndexName: ENGAGEMENT_INDEXES.reviewsByAuthor,
    KeyConditionExpression: 'authorId = :a',
    ExpressionAttributeValues: { ':a': authorId },
    ProjectionExpression: 'productId, authorId',
  })) {
    for (const item of page.Items ?? []) keys.push({ productId: String(item.productId), authorId: String(item.authorId) });
  }
  return keys;
}

/**
 * Moves a review to a new author key in one transaction (the key holds the author's id, so anonymising is a re-key,
 * not an update). False when the old item is gone already (a concurrent or earlier run did it).
 */
export async function rekeyReview(from: { productId: string; authorId: string }, to: StoredReview): Promise<boolean> {
  try {
    await dynamoDoc().send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: tableName('reviews'), Key: from, ConditionExpression: 'attribute_exists(productId)' } },
          { Put: { TableName: tableName('reviews'), Item: to, ConditionExpression: 'attribute_not_exists(productId)' } },
        ],
      }),
    );
    return true;
  } catch (err) {
    if (isTransactionCanceled(err)) return false;
    throw err;
  }
}
