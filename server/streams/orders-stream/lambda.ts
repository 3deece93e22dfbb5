import { healLeaderboardIfNeeded } from '../../leaderboard';
import { waitForRedis } from '../../platform/cache';
import { handleOrderRecords } from './handle-order-records';
import type { StreamRecordLike } from './inserted-images';

// The stream-subscribed function on AWS (sst.config.ts subscribes it to the orders table's stream; it needs the
// VPC link to reach Redis). Throwing makes the event source mapping deliver the batch again, which the markers
// make harmless; the batch throws only when DynamoDB could not commit the counts.

export type OrdersStreamEvent = { Records: StreamRecordLike[] };

export async function handler(event: OrdersStreamEvent): Promise<void> {
  // A cold container's Redis client is still connecting; without this wait its first batch would skip Redis
  // and force a rebuild. Returns at once when warm, or when no REDIS_URL is configured.
  await waitForRedis(1_000);
  // Containers come and go, so each invocation checks whether an earlier one left Redis behind.
  await healLeaderboardIfNeeded();
  await handleOrderRecords(event.Records);
}
