import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dynamoDoc } from '../platform/aws/clients';
import { isTransactionCanceled, queryPages, tableName } from '../platform/db';
import { ENGAGEMENT_INDEXES } from '../platform/db/tables';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import type { ReviewStatus, StoredReview } from './contract';

// The reviews table adapter (key: productId + authorId, so a second review by the same author is a key clash).

/** Conditional Put: throws ConditionalCheckFailedException when this author already reviewed this product. */
export async function putNewReview(review: StoredReview): Promise<void> {
  await dynamoDoc().send(new PutCommand({ TableName: tableName('reviews'), Item: review, ConditionExpression: 'attribute_not_exists(productId)' }));
}

/** Every review of one product (consistent: a moderation's recount must see its own write). */
export async function readProductReviews(productId: string): Promise<StoredReview[]> {
  const items: StoredReview[] = [];
  for await (const out of queryPages({
    TableName: tableName('reviews'),
    KeyConditionExpression: 'productId = :p',
    ExpressionAttributeValues: { ':p': productId },
    ConsistentRead: true,
  })) {
    items.push(...((out.Items ?? []) as StoredReview[]));
  }
  return items;
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
  const out = await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('reviews'),
      Key: { productId: review.productId, authorId: review.authorId },
      UpdateExpression: change.reason
        ? 'SET #s = :s, moderatedAt = :at, moderatedBy = :by, rejectReason = :why'
        : 'SET #s = :s, moderatedAt = :at, moderatedBy = :by REMOVE rejectReason',
      ConditionExpression: 'attribute_exists(productId)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': change.status, ':at': change.at, ':by': change.by, ...(change.reason ? { ':why': change.reason } : {}) },
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
