import { withRetry } from '../platform/db';
import { AppError } from '../platform/errors';

// One HTTP call to a processor's server API, through the one retry policy: a refused connection, a timeout, a 429 or
// a 5xx is tried again (every money-moving call carries an idempotency key, so a retry after an unknown outcome
// cannot move money twice); any other answer is returned as it is, for the adapter to map.

export class ProcessorUnavailable extends Error {
  override readonly name = 'ProcessorUnavailable';
}

const retryable = (err: unknown) => err instanceof ProcessorUnavailable;

export type ProcessorAnswer = { status: number; body: Record<string, unknown> };

export async function processorRequest(
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: unknown; timeoutMs: number },
): Promise<ProcessorAnswer> {
  const deadline = Date.now() + init.timeoutMs;
  try {
    return await withRetry(
      async () => {
        let res: Response;
        try {
          res = await fetch(url, {
            method: init.method,
            headers: { 'content-type': 'application/json', ...init.headers },
            body: init.body === undefined ? undefined : JSON.stringify(init.body),
            signal: AbortSignal.timeout(Math.max(100, deadline - Date.now())),
          });
        } catch (err) {
          throw new ProcessorUnavailable(`payment processor unreachable: ${(err as Error).name}`);
        }
        if (res.status === 429 || res.status >= 500) throw new ProcessorUnavailable(`payment processor answered ${res.status}`);
        const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
        return { status: res.status, body };
      },
      { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: init.timeoutMs, retryOn: retryable },
    );
  } catch (err) {
    if (err instanceof ProcessorUnavailable) {
      throw new AppError('UNAVAILABLE', 'The payment processor is not answering. Please try again shortly; you have not been charged.');
    }
    throw err;
  }
}
