import { getConfig } from '../platform/config';
import { errorText, logger } from '../platform/observability';
import { processSingleton } from '../platform/runtime';
import { expireHolds } from './held-orders';

// Runs the hold expiry sweep (held-orders.ts) in this process every FRAUD_HOLD_SWEEP_MS: the local stack's stand-in
// for the scheduled function on AWS (lambda.ts). One timer per process, unref'd.

export function startHoldExpirySweep(): void {
  processSingleton('hold-expiry-sweep', () => {
    const timer = setInterval(() => {
      expireHolds().catch((err: unknown) => logger.warn('hold expiry sweep failed', { component: 'orders', err: errorText(err) }));
    }, getConfig().FRAUD_HOLD_SWEEP_MS);
    timer.unref();
    return timer;
  });
}
