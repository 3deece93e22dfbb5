import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { isConditionalCheckFailure, tableName } from '../platform/db';
import { ratingSortKey } from './import/to-product-record';

// The reviews domain's one write to a product: its rating and review count, as computed from approved reviews.
// `at` is when the reviews were read; a write computed from an older read than the stored one is dropped, so two
// moderations racing can never leave the older count behind (each recomputes from all reviews, so the newest read
// is the complete one). The products stream carries the change to search and the cached pages.

export type ReviewStats = { rating: number; reviewCount: number; at: string };

/** false when the product is gone or a newer computation already landed. */
export async function setProductReviewStats(productId: string, stats: ReviewStats): Promise<boolean> {
  try {
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('products'),
        Key: { id: productId },
        UpdateExpression: 'SET rating = :r, reviewCount = :c, ratingSort = :s, reviewStatsAt = :t',
        ConditionExpression: 'attribute_exists(id) AND (attribute_not_exists(reviewStatsAt) OR reviewStatsAt <= :t)',
        ExpressionAttributeValues: { ':r': stats.rating, ':c': stats.reviewCount, ':s': ratingSortKey(stats.rating, stats.reviewCount), ':t': stats.at },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionalCheckFailure(err)) return false;
    throw err;
  }
}
