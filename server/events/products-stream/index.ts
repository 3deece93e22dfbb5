// Public entry of the products stream consumer: keeps the search index and cached catalog reads in step with
// the products table. In-process on the local stack (startProductsStreamConsumer, from instrumentation);
// on AWS a stream-subscribed function passes its DynamoDBStreamEvent to handleProductsStreamEvent.
import 'server-only';
import { handleProductRecords } from './handle-product-records';
import { productChangesFromStreamRecords, type RawStreamRecord } from './product-change';

export type { RawStreamRecord } from './product-change';
export { productChangesFromStreamRecords } from './product-change';
export { startProductsStreamConsumer, stopProductsStreamConsumer } from './start-products-stream-consumer';

/** For a Lambda subscribed to the products stream: `export const handler = handleProductsStreamEvent`. */
export async function handleProductsStreamEvent(event: { Records: readonly RawStreamRecord[] }): Promise<void> {
  await handleProductRecords(productChangesFromStreamRecords(event.Records));
}
