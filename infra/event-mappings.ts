// How Lambda feeds each stream-subscribed function: the one list, read by sst.config.ts (the real event source
// mappings, through SST's `transform.eventSourceMapping`) and by local/lambda/event-source-mapping.ts (the emulated
// ones the Lambda package test and the integration tests run). Sized in docs/scaling.md "Stream consumers".
// No imports: sst.config.ts loads it.

export type StreamMappingConfig = {
  /** Records per invocation at most. */
  batchSize: number;
  /** How long Lambda may wait to fill a batch. Counts against the 10 s a catalog change has to show. */
  maximumBatchingWindowInSeconds: number;
  /** Concurrent batches per shard (1–10); records of one item key stay in order whatever the factor. */
  parallelizationFactor: number;
  /** A failing batch is split in two and each half retried, down to the one record that fails. */
  bisectBatchOnFunctionError: boolean;
  /** Retries of a failing batch (after bisection, of the single record) before it goes to the failure destination. */
  maximumRetryAttempts: number;
  /** Records older than this are sent to the failure destination unprocessed (instead of the 24 h default). */
  maximumRecordAgeInSeconds: number;
  /** Concurrent executions reserved for (and capping) the function, so it neither starves the site nor is starved. */
  reservedConcurrency: number;
  /** The stream's event names the function receives (the event filter). */
  eventNames: readonly ('INSERT' | 'MODIFY' | 'REMOVE')[];
};

export const STREAM_MAPPINGS = {
  // Products → cache tags, search index, price alerts. A 1 s window: a change shows within 10 s counting this,
  // the function's run and CloudFront's s-maxage=3 + stale-while-revalidate=3 (docs/scaling.md).
  catalogChanges: {
    batchSize: 100,
    maximumBatchingWindowInSeconds: 1,
    parallelizationFactor: 2,
    bisectBatchOnFunctionError: true,
    maximumRetryAttempts: 3,
    maximumRecordAgeInSeconds: 3600,
    reservedConcurrency: 10,
    eventNames: ['INSERT', 'MODIFY', 'REMOVE'],
  },
  // Orders (inserts) → top sellers.
  topSellers: {
    batchSize: 100,
    maximumBatchingWindowInSeconds: 1,
    parallelizationFactor: 2,
    bisectBatchOnFunctionError: true,
    maximumRetryAttempts: 3,
    maximumRecordAgeInSeconds: 3600,
    reservedConcurrency: 10,
    eventNames: ['INSERT'],
  },
  // Orders (inserts) → "bought together" pair counters and top lists (docs/recommendations.md). DynamoDB writes
  // only; a co-purchase must show within 15 s of the order, so a 1 s window like top sellers.
  coPurchases: {
    batchSize: 100,
    maximumBatchingWindowInSeconds: 1,
    parallelizationFactor: 2,
    bisectBatchOnFunctionError: true,
    maximumRetryAttempts: 3,
    maximumRecordAgeInSeconds: 3600,
    reservedConcurrency: 5,
    eventNames: ['INSERT'],
  },
  // Orders (status changes) → the warehouse queue and order mail: small batches, so a poison record delays few
  // others while it is bisected out.
  orderLifecycle: {
    batchSize: 20,
    maximumBatchingWindowInSeconds: 0,
    parallelizationFactor: 5,
    bisectBatchOnFunctionError: true,
    maximumRetryAttempts: 3,
    maximumRecordAgeInSeconds: 3600,
    reservedConcurrency: 20,
    eventNames: ['MODIFY'],
  },
} as const satisfies Record<string, StreamMappingConfig>;
