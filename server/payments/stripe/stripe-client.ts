import Stripe from 'stripe';

// The one Stripe client. `apiUrl` points it at a local replay of recorded responses in tests (the way the
// Personalize, Location and Lex adapters are tested); in production it is unset and the client talks to Stripe.
// Stripe's own network retries stay on: it sends an Idempotency-Key with every retried POST.
export function stripeClient(opts: { secretKey: string; apiUrl?: string; timeoutMs: number }): Stripe {
  const url = opts.apiUrl ? new URL(opts.apiUrl) : null;
  return new Stripe(opts.secretKey, {
    maxNetworkRetries: 2,
    timeout: opts.timeoutMs,
    telemetry: false,
    ...(url ? { host: url.hostname, port: url.port, protocol: url.protocol.replace(':', '') as 'http' | 'https' } : {}),
  });
}
