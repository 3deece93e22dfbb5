import { expireHolds } from './held-orders';

// The scheduled function on AWS (sst.config.ts, every 5 minutes): rejects, with the void, every fraud hold past its
// expiry. Throwing marks the run failed; the next one tries again.
export async function handler(): Promise<{ expired: number }> {
  const { expired } = await expireHolds();
  return { expired: expired.length };
}
