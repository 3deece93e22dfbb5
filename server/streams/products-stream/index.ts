// Public entry of the products stream consumer: keeps the search index and cached catalog reads in step with
// the products table. In-process on the local stack (startProductsStreamConsumer, from instrumentation);
// on AWS a stream-subscribed function passes its DynamoDBStreamEvent to handleProductsStreamEvent.
import 'server-only';
import { prepareSearchSnapshotWriter } from '../../search';
import { handleProductRecords } from './handle-product-records';
import { productChangesFromStreamRecords, type RawStreamRecord } from './product-change';

export type { RawStreamRecord } from './product-change';
export { productChangesFromStreamRecords } from './product-change';
export { startProductsStreamConsumer, stopProductsStreamConsumer } from './start-products-stream-consumer';

/**
 * For a Lambda subscribed to the products stream: `export const handler = handleProductsStreamEvent`. With
 * SEARCH_SNAPSHOT_BUCKET this function is the snapshot writer: it holds an index (the latest snapshot, or a Scan, at
 * its cold start) and applies the batch. It returns as soon as the batch's cache tags are expired in Redis and the
 * index holds it: the snapshot follows on the debounced writer's own time (issue 25: waiting for it held every
 * batch up to SEARCH_SNAPSHOT_INTERVAL_MS, ~3 records/s per shard). A tag expiry that did not reach Redis throws,
 * so the mapping retries the batch.
 */
export async function handleProductsStreamEvent(event: { Records: readonly RawStreamRecord[] }): Promise<void> {
  const changes = productChangesFromStreamRecords(event.Records);
  if (changes.length === 0) return;
  await prepareSearchSnapshotWriter();
  await handleProductRecords(changes);
}
