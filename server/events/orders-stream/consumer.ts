import { waitForRedis } from '../../cache';
import { tableName } from '../../db/tables';
import { healLeaderboardIfNeeded } from '../../leaderboard/writer';
import { startStreamPoller, type StreamPoller, type StreamRecord } from '../stream-poller';
import { handleOrderRecords } from './handle-order-records';

// The orders-stream consumer for processes that are not Lambda (the local stack). On AWS the same handler runs
// as the stream-subscribed function (./lambda.ts).

export type OrdersStreamConsumerOptions = {
  /** Replaces the handler (tests use it to simulate a crash mid-batch). */
  handler?: (records: StreamRecord[]) => Promise<unknown>;
  idleMs?: number;
  /** How often Redis is checked for missed updates (an outage that ended, an empty restart). */
  healEveryMs?: number;
};

export type OrdersStreamConsumer = { poller: StreamPoller; stop(): Promise<void> };

export function createOrdersStreamConsumer(options: OrdersStreamConsumerOptions = {}): OrdersStreamConsumer {
  const handler = options.handler ?? handleOrderRecords;
  // Orders placed while this process was down must count, so every start reads the whole retained stream
  // (TRIM_HORIZON) rather than only what arrives from now (LATEST). Already-counted orders are recognised by
  // their DynamoDB markers, so the only thing persisted is those markers: checkpoints stay in memory.
  const poller = startStreamPoller({
    name: 'orders',
    table: tableName('orders'),
    startAt: 'TRIM_HORIZON',
    idleMs: options.idleMs ?? 500,
    handler: async (records) => {
      await handler(records);
    },
  });
  // At start, and then periodically: Redis may have restarted empty or missed updates while it was down.
  void waitForRedis(2_000).then(() => healLeaderboardIfNeeded());
  const timer = setInterval(() => void healLeaderboardIfNeeded(), options.healEveryMs ?? 5_000);
  timer.unref();
  return {
    poller,
    async stop() {
      clearInterval(timer);
      await poller.stop();
    },
  };
}
