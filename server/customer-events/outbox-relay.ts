import { errorText, logger } from '../platform/observability';
import { processSingleton } from '../platform/runtime';
import { CLAIM_MS, relayOutbox } from './outbox';

// Runs the outbox relay (./outbox.ts) in a server process: once at start (what a crash left behind), then, where
// background work runs in-process (the local stack), every CLAIM_MS. On AWS the periodic run is a scheduled function
// (./lambda.ts, sst.config.ts). No 'server-only' here: instrumentation.ts loads it.

export function startOutboxRelay(opts: { periodic: boolean }): void {
  processSingleton('event-bus:outbox-relay', () => {
    const run = () => void relayOutbox().catch((err: unknown) => logger.warn('outbox relay failed; it runs again later', { err: errorText(err) }));
    run();
    if (!opts.periodic) return null;
    const timer = setInterval(run, CLAIM_MS);
    timer.unref();
    return timer;
  });
}
