import 'server-only';

// Public entry of the fulfilment domain: the queue to the warehouse (published from the orders stream), the
// simulated warehouse that consumes it (in-process locally, a queue-subscribed Lambda on AWS) and its dead letters.
export { handleOrderChange, handleOrderStreamRecords } from './handle-order-change';
export { listDeadLetters, redriveDeadLetters, type DeadLetter } from './dead-letters';
export { startFulfilmentWorker, type FulfilmentWorker } from './worker';
