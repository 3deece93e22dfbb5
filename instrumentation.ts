// Runs once when a server process starts.
// - Stops a production start whose configuration fails closed (server/platform/config/fail-closed.ts), with one line.
// - Seeds the feature flags (conditional puts: existing flags are never overwritten), so a new stage on AWS
//   has them without a manual step; locally the stack's provisioning has already done it.
// - On the local stack (STREAM_CONSUMERS=inprocess) starts the DynamoDB stream consumers that keep the search
//   index, cache tags and top sellers current; on AWS those run as stream-subscribed functions.
// - Runs the customer-event outbox relay once (events a crash left unpublished), and on the local stack every 30 s
//   (on AWS a scheduled function does that; ADR 0009).
// - On the local stack sends the mail queue's emails (on AWS the queue's function).
// - On the local stack rejects fraud holds past their expiry every FRAUD_HOLD_SWEEP_MS (on AWS a scheduled function).
// - Lets log lines and AWS calls made while rendering a page carry the page request's id (docs/observability.md).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig } = await import('./server/platform/config');
  try {
    getConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const [{ logger }, { installNextRequestIdFallback }] = await Promise.all([
    import('./server/platform/observability'),
    import('./server/platform/observability/next-request-scope'),
  ]);
  installNextRequestIdFallback();
  // The socket address for per-address rate limits: route handlers never see the socket (server/platform/http/client-address.ts).
  (await import('./server/platform/http/peer-address-hook')).installPeerAddressHeader();
  void import('./server/flags')
    .then(({ seedFlags }) => seedFlags())
    .catch((err: unknown) => logger.warn('flag seeding failed; built-in defaults apply', { err: String(err) }));
  void import('./server/customer-events')
    .then(({ startOutboxRelay }) => startOutboxRelay({ periodic: process.env.STREAM_CONSUMERS === 'inprocess' }))
    .catch((err: unknown) => logger.warn('outbox relay did not start', { err: String(err) }));
  if (process.env.STREAM_CONSUMERS !== 'inprocess') return;
  const [
    { startProductsStreamConsumer, startOrdersStreamConsumer },
    { startFulfilmentWorker },
    { startHoldExpirySweep },
    { startMailWorker },
    { startCampaignWorker },
  ] = await Promise.all([
    import('./server/streams'),
    import('./server/fulfilment'),
    import('./server/orders'),
    import('./server/notifications'),
    import('./server/campaigns'),
  ]);
  startProductsStreamConsumer();
  startOrdersStreamConsumer();
  startFulfilmentWorker(); // the simulated warehouse (docs/orders.md)
  startMailWorker(); // the mail queue's sender (on AWS its Lambda)
  startCampaignWorker(); // the campaign queue's sender (on AWS its Lambda, ADR 0036)
  startHoldExpirySweep(); // fraud holds nobody decided (docs/fraud.md)
}
