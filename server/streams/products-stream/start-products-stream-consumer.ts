import { startStreamReader } from '../../../local/stream-reader';
import { cacheTags, expireTags } from '../../platform/cache';
import { getConfig } from '../../platform/config';
import { tableName } from '../../platform/db/tables';
import { logger } from '../../platform/observability';
import { dropProcessSingleton, processSingleton } from '../../platform/runtime';
import { markSearchIndexFollowed, rebuildSearchIndex, scheduleSearchSnapshot } from '../../search';
import { handleProductRecords } from './handle-product-records';
import { productChangesFromStreamRecords } from './product-change';

// Runs the products stream consumer inside this process when the configuration asks for it (the local stack).
// On AWS the stream-subscribed function calls handleProductRecords instead and servers leave this off.

export type ProductsStreamConsumer = {
  /** Resolves once the consumer follows the stream and the search index has been built after that point. */
  ready: Promise<void>;
  stop(): Promise<void>;
};

const FOLLOW_LEASE_MS = 60_000;
// One per process, even though Next loads instrumentation and route bundles separately.
const KEY = 'events:products-stream-consumer';
const log = logger.child({ component: 'products-stream' });

function createProductsStreamConsumer(): ProductsStreamConsumer {
  const reader = startStreamReader({
    name: 'products',
    table: tableName('products'),
    // The search index is a snapshot of the table: position first, then the full read, then follow.
    mode: 'follow',
    handler: (records) => handleProductRecords(productChangesFromStreamRecords(records)),
    // While the stream is being read the index needs no age-based rebuilds; if this consumer stalls or stops,
    // the lease runs out and searches fall back to refreshing the index from a Scan every few minutes.
    onCaughtUp: () => markSearchIndexFollowed(FOLLOW_LEASE_MS),
    // Called after the reader holds its shard iterators, so a change landing during the Scan is both in the Scan
    // and delivered afterwards (upserts are idempotent), never in neither.
    onSnapshot: async (reason) => {
      const index = await rebuildSearchIndex();
      if (reason === 'lost-position') {
        // Changes may have been missed, so cached catalog reads may be stale too.
        await expireTags([cacheTags.catalog]);
      }
      log.info('search index built from a full read', { reason, products: index.size });
      // Instances that load snapshots get this full read at once, not only after the next change.
      scheduleSearchSnapshot();
    },
  });
  return {
    ready: reader.ready,
    stop: async () => {
      dropProcessSingleton(KEY);
      await reader.stop();
    },
  };
}

/**
 * Starts the consumer once per process, only when STREAM_CONSUMERS is 'inprocess'; returns null otherwise.
 * Never rejects and never throws later: stream and table errors are logged once per kind and retried.
 */
export function startProductsStreamConsumer(): ProductsStreamConsumer | null {
  if (getConfig().STREAM_CONSUMERS !== 'inprocess') return null;
  return processSingleton(KEY, createProductsStreamConsumer);
}

/** Stops this process's consumer, if one runs (tests, orderly shutdown). */
export async function stopProductsStreamConsumer(): Promise<void> {
  const consumer = processSingleton<ProductsStreamConsumer | null>(KEY, () => null);
  dropProcessSingleton(KEY);
  await consumer?.stop();
}
