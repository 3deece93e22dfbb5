import { type StreamReader, type StreamRecord, startStreamReader } from '../../../local/stream-reader';
import { healLeaderboardIfNeeded } from '../../leaderboard';
import { waitForRedis } from '../../platform/cache';
import { tableName } from '../../platform/db/tables';
import { handleCoPurchaseRecords } from './handle-co-purchase-records';
import { handleOrderRecords } from './handle-order-records';

// The orders-stream consumers for processes that are not Lambda (the local stack). On AWS each handler below runs
// as its own stream-subscribed function (./lambda.ts for top sellers, ./co-purchases-lambda.ts for bought together).

type OrdersStreamHandler = {
  /** Names the reader in log lines. */
  name: string;
  /** Called with each batch in stream order; throw to have it delivered again. Must be idempotent. */
  handle: (records: StreamRecord[]) => Promise<unknown>;
};

// Every consumer of the orders stream. Each gets a reader of its own — its own checkpoints, retries and pauses —
// so a handler that fails (an email provider down) never holds up or redelivers to another. Adding a consumer is
// one entry here (and, on AWS, one more subscription; DynamoDB Streams allows two readers per shard).
const ORDERS_STREAM_HANDLERS: readonly OrdersStreamHandler[] = [
  { name: 'top-sellers', handle: handleOrderRecords },
  { name: 'co-purchases', handle: handleCoPurchaseRecords },
];

type OrdersStreamConsumerOptions = {
  /** Replaces the handlers (tests use it to simulate a crash mid-batch). */
  handlers?: readonly OrdersStreamHandler[];
  idleMs?: number;
  /** How often Redis is checked for missed updates (an outage that ended, an empty restart). */
  healEveryMs?: number;
};

export type OrdersStreamConsumer = { readers: ReadonlyMap<string, StreamReader>; stop(): Promise<void> };

export function createOrdersStreamConsumer(options: OrdersStreamConsumerOptions = {}): OrdersStreamConsumer {
  // Orders placed while this process was down must count, so every start reads the whole retained stream
  // ('replay' from TRIM_HORIZON) rather than only what arrives from now. Already-handled orders are recognised by
  // the handlers' DynamoDB markers, so the only thing persisted is those markers: checkpoints stay in memory.
  const readers = new Map<string, StreamReader>();
  for (const { name, handle } of options.handlers ?? ORDERS_STREAM_HANDLERS) {
    readers.set(
      name,
      startStreamReader({
        name: `orders:${name}`,
        table: tableName('orders'),
        mode: 'replay',
        idleMs: options.idleMs ?? 500,
        handler: async (records) => {
          await handle(records);
        },
      }),
    );
  }
  // At start, and then periodically: Redis may have restarted empty or missed updates while it was down.
  void waitForRedis(2_000).then(() => healLeaderboardIfNeeded());
  const timer = setInterval(() => void healLeaderboardIfNeeded(), options.healEveryMs ?? 5_000);
  timer.unref();
  return {
    readers,
    async stop() {
      clearInterval(timer);
      await Promise.all([...readers.values()].map((r) => r.stop()));
    },
  };
}
