import { cacheTags, expireTags } from '../../cache';
import { getConfig } from '../../config';
import { tableName } from '../../db/tables';
import { markSearchIndexFollowed, rebuildSearchIndex } from '../../search';
import { handleProductRecords } from './handle-product-records';
import { createOnceLogger } from './log-once';
import { productChangesFromStreamRecords } from './product-change';
import { StreamFollower } from './stream-follower';

// Runs the products stream consumer inside this process when the configuration asks for it (the local stack).
// On AWS the stream-subscribed function calls handleProductRecords instead and servers leave this off.

export type ProductsStreamConsumer = {
  /** Resolves once the consumer follows the stream and the search index has been built after that point. */
  ready: Promise<void>;
  stop(): Promise<void>;
};

const FOLLOW_LEASE_MS = 60_000;

// One per process, even though Next loads instrumentation and route bundles separately.
const CONSUMER = Symbol.for('storefront.events.products-stream-consumer');
type Holder = { [CONSUMER]?: ProductsStreamConsumer };

/**
 * Starts the consumer once per process, only when STREAM_CONSUMERS is 'inprocess'; returns null otherwise.
 * Never rejects and never throws later: stream and table errors are logged once per kind and retried.
 */
export function startProductsStreamConsumer(): ProductsStreamConsumer | null {
  if (getConfig().STREAM_CONSUMERS !== 'inprocess') return null;
  const holder = globalThis as Holder;
  const existing = holder[CONSUMER];
  if (existing) return existing;

  const log = createOnceLogger('products-stream');
  const follower = new StreamFollower({
    tableName: tableName('products'),
    log,
    onRecords: (records) => handleProductRecords(productChangesFromStreamRecords(records)),
    // While the stream is being read the index needs no age-based rebuilds; if this consumer stalls or stops,
    // the lease runs out and searches fall back to refreshing the index from a Scan every few minutes.
    onCaughtUp: () => markSearchIndexFollowed(FOLLOW_LEASE_MS),
    // The follower calls this after it holds its shard iterators, so a change landing during the Scan is both
    // in the Scan and delivered afterwards (upserts are idempotent), never in neither.
    onResync: async (reason) => {
      const index = await rebuildSearchIndex();
      if (reason === 'lost-position') {
        // Changes may have been missed, so cached catalog reads may be stale too.
        await expireTags([cacheTags.catalog]);
      }
      log.info('search index built from a full read', { reason, products: index.size });
    },
  });
  const consumer: ProductsStreamConsumer = {
    ready: follower.start(),
    stop: async () => {
      await follower.stop();
      if (holder[CONSUMER] === consumer) delete holder[CONSUMER];
    },
  };
  holder[CONSUMER] = consumer;
  return consumer;
}

/** Stops this process's consumer, if one runs (tests, orderly shutdown). */
export async function stopProductsStreamConsumer(): Promise<void> {
  await (globalThis as Holder)[CONSUMER]?.stop();
}
