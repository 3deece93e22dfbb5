import { healLeaderboardIfNeeded } from '../../leaderboard/writer';
import { handleOrderRecords } from './handle-order-records';
import type { StreamRecordLike } from './inserted-images';

// The stream-subscribed function on AWS (sst.config.ts subscribes it to the orders table's stream; it needs the
// VPC link to reach Redis). Throwing makes the event source mapping deliver the batch again, which the markers
// make harmless; the batch throws only when DynamoDB could not commit the counts.

export type OrdersStreamEvent = { Records: StreamRecordLike[] };

export async function handler(event: OrdersStreamEvent): Promise<void> {
  // Containers come and go, so each invocation checks whether an earlier one left Redis behind.
  await healLeaderboardIfNeeded();
  await handleOrderRecords(event.Records);
}
