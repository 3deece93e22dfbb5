import { logger } from '../observability';
import { logOnce } from '../observability/log-once';
import type { FailureKind } from './failure-kind';

// One log line per (service, failure kind) per process: a Personalize outage during a traffic peak must not turn
// into one line per request. The first occurrence carries the error so the cause is still on record.
const failures = logOnce('resilience', logger.child({ component: 'resilience' }));

export function logFailureOnce(service: string, kind: FailureKind, err: unknown): void {
  failures.log(`${service}:${kind}`, `${service} call failed (${kind}); answering from the local engine`, { service, kind, err: String(err) });
}

/** Tests assert the once-per-kind rule; they start from a clean slate. */
export function resetFailureLogForTests(): void {
  failures.reset();
}
