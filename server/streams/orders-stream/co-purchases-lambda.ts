import { handleCoPurchaseRecords } from './handle-co-purchase-records';
import type { OrdersStreamEvent } from './lambda';

// The CoPurchases function on AWS (sst.config.ts subscribes it to the orders table's stream, inserts only, with
// infra/event-mappings.ts's `coPurchases` settings). DynamoDB only: no Redis, so no VPC wait. Throwing makes the
// event source mapping deliver the batch again, which the markers make harmless.

export async function handler(event: OrdersStreamEvent): Promise<void> {
  await handleCoPurchaseRecords(event.Records);
}
