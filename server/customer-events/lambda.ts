import { relayOutbox } from './outbox';

// The scheduled function on AWS (sst.config.ts, every minute): publishes the customer events a crash or an SNS
// outage left in the outbox. Throwing marks the run failed; the next one tries again.
export async function handler(): Promise<{ published: number; failed: number }> {
  const { published, failed } = await relayOutbox();
  return { published: published.length, failed: failed.length };
}
