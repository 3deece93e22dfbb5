// Runs once when a server process starts.
// - Seeds the feature flags (conditional puts: existing flags are never overwritten), so a new stage on AWS
//   has them without a manual step; locally the stack's provisioning has already done it.
// - On the local stack (STREAM_CONSUMERS=inprocess) starts the DynamoDB stream consumers that keep the search
//   index, cache tags and top sellers current; on AWS those run as stream-subscribed functions.
// - Lets log lines and AWS calls made while rendering a page carry the page request's id (docs/observability.md).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ logger }, { installNextRequestIdFallback }] = await Promise.all([
    import('./server/observability'),
    import('./server/observability/next-request-scope'),
  ]);
  installNextRequestIdFallback();
  void import('./server/flags/seed-flags')
    .then(({ seedFlags }) => seedFlags())
    .catch((err: unknown) => logger.warn('flag seeding failed; built-in defaults apply', { err: String(err) }));
  if (process.env.STREAM_CONSUMERS !== 'inprocess') return;
  const [{ startProductsStreamConsumer }, { startOrdersStreamConsumer }, { startFulfilmentWorker }] = await Promise.all([
    import('./server/events/products-stream/start-products-stream-consumer'),
    import('./server/events/orders-stream'),
    import('./server/fulfilment'),
  ]);
  startProductsStreamConsumer();
  startOrdersStreamConsumer();
  startFulfilmentWorker(); // the simulated warehouse (docs/orders.md)
}
