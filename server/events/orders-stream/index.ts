import { getConfig } from '../../config';
import { createOrdersStreamConsumer, type OrdersStreamConsumer } from './consumer';

// Public entry of the orders-stream consumer. instrumentation.ts calls startOrdersStreamConsumer() once the
// server starts; it runs only when STREAM_CONSUMERS=inprocess (the local stack). No 'server-only' here: this is
// loaded from instrumentation, and the Lambda entry (./lambda.ts) shares the modules below it.

export { handleOrderRecords, type OrderRecordsReport } from './handle-order-records';
export type { OrdersStreamConsumer } from './consumer';

// On globalThis: Next may evaluate instrumentation more than once per process (dev reloads, separate bundles),
// and two pollers would only double the reads.
const RUNNING = Symbol.for('storefront.orders-stream.consumer');

type Holder = Record<symbol, OrdersStreamConsumer | undefined>;

/** Starts the consumer once per process; null when stream consumers run elsewhere (AWS). */
export function startOrdersStreamConsumer(): OrdersStreamConsumer | null {
  if (getConfig().STREAM_CONSUMERS !== 'inprocess') return null;
  const g = globalThis as unknown as Holder;
  return (g[RUNNING] ??= createOrdersStreamConsumer());
}

/** Stops the process's consumer (graceful shutdown, tests). */
export async function stopOrdersStreamConsumer(): Promise<void> {
  const g = globalThis as unknown as Holder;
  const consumer = g[RUNNING];
  g[RUNNING] = undefined;
  await consumer?.stop();
}
