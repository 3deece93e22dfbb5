import { getConfig } from '../../platform/config';
import { dropProcessSingleton, processSingleton } from '../../platform/runtime';
import { createOrdersStreamConsumer, type OrdersStreamConsumer } from './consumer';

// Public entry of the orders-stream consumers. instrumentation.ts calls startOrdersStreamConsumer() once the
// server starts; it runs only when STREAM_CONSUMERS=inprocess (the local stack). No 'server-only' here: this is
// loaded from instrumentation, and the Lambda entry (./lambda.ts) shares the modules below it.

export type { OrdersStreamConsumer } from './consumer';

// A process singleton: Next may evaluate instrumentation more than once per process (dev reloads, separate
// bundles), and two sets of readers would only double the reads.
const KEY = 'events:orders-stream-consumer';

/** Starts the consumers once per process; null when stream consumers run elsewhere (AWS). */
export function startOrdersStreamConsumer(): OrdersStreamConsumer | null {
  if (getConfig().STREAM_CONSUMERS !== 'inprocess') return null;
  return processSingleton(KEY, () => createOrdersStreamConsumer());
}

/** Stops the process's consumers (graceful shutdown, tests). */
export async function stopOrdersStreamConsumer(): Promise<void> {
  const consumer = processSingleton<OrdersStreamConsumer | null>(KEY, () => null);
  dropProcessSingleton(KEY);
  await consumer?.stop();
}
