import 'server-only';

export { listDeadLetters, redriveDeadLetters } from './dead-letters';
// Public entry of the fulfilment domain: the queue to the warehouse (published from the orders stream), the
// simulated warehouse that consumes it (in-process locally, a queue-subscribed Lambda on AWS) and its dead letters.
export { handleOrderStreamRecords } from './handle-order-change';
export { startFulfilmentWorker } from './worker';
