import { classifyFailure, type FailureKind } from './failure-kind';
import { logFailureOnce } from './log-failure-once';

export type BudgetOutcome<T> = { value: T; source: 'remote' } | { value: T; source: 'fallback'; failure: FailureKind };

class BudgetExceeded extends Error {
  override readonly name = 'BudgetExceeded';
}

/**
 * Runs a managed-service call with a time budget. The call gets an AbortSignal (pass it to `client.send(cmd,
 * { abortSignal })`) that fires when the budget runs out, so the SDK stops its socket instead of finishing in the
 * background; the race below makes the budget hold even if a call ignores its signal. On timeout, throttling or any
 * error the fallback answers and the failure is logged once per kind.
 */
export async function withBudget<T>(
  service: string,
  call: (signal: AbortSignal) => Promise<T>,
  ms: number,
  fallback: (failure: FailureKind) => T | Promise<T>,
): Promise<BudgetOutcome<T>> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new BudgetExceeded(`${service} exceeded its ${ms} ms budget`);
      controller.abort(reason);
      reject(reason);
    }, ms);
  });
  try {
    const value = await Promise.race([call(controller.signal), expired]);
    return { value, source: 'remote' };
  } catch (err) {
    const failure: FailureKind = controller.signal.aborted ? 'timeout' : classifyFailure(err);
    logFailureOnce(service, failure, err);
    return { value: await fallback(failure), source: 'fallback', failure };
  } finally {
    clearTimeout(timer);
    // The losing side of the race must not surface as an unhandled rejection.
    expired.catch(() => undefined);
  }
}
