// Runs once when a server process starts. On the local stack (STREAM_CONSUMERS=inprocess) it starts the
// DynamoDB stream consumers that keep the search index, cache tags and top sellers current; on AWS those
// run as stream-subscribed functions and this does nothing.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.STREAM_CONSUMERS !== 'inprocess') return;
  const [{ startProductsStreamConsumer }, { startOrdersStreamConsumer }] = await Promise.all([
    import('./server/events/products-stream/start-products-stream-consumer'),
    import('./server/events/orders-stream'),
  ]);
  startProductsStreamConsumer();
  startOrdersStreamConsumer();
}
