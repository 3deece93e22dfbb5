// Public entry of the stream and queue consumers: the same handlers run as Lambdas on AWS (their lambda.ts files,
// sst.config.ts) and in process on the local stack (instrumentation.ts with STREAM_CONSUMERS=inprocess).
//   orders-stream: top sellers and "bought together" (each exactly once under replay); products-stream: search
//   index, cache tags, alerts.
// The customer-events outbox relay lives with its domain (server/customer-events); the warehouse with fulfilment.

export { startOrdersStreamConsumer } from './orders-stream';
export { startProductsStreamConsumer } from './products-stream';
export { discardStreamFailure, listStreamFailures } from './stream-failures';
