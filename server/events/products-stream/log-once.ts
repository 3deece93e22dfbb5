import { logger } from '../../observability';

// A stream reader that retries every second would print the same error thousands of times during an outage.
// Each kind of error is logged once per process (as a JSON line), with a count of how often it recurred
// logged when the reader next succeeds.

export type OnceLogger = {
  warn(kind: string, msg: string, err?: unknown): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  /** Reports how many logged errors were suppressed since the last report; call after a success. */
  recovered(): void;
};

export function errorKind(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && code !== err.name ? `${err.name}:${code}` : err.name;
  }
  return typeof err;
}

export function createOnceLogger(component: string): OnceLogger {
  const seen = new Map<string, number>();
  let suppressed = 0;
  const log = logger.child({ component });
  return {
    warn(kind, msg, err) {
      const count = seen.get(kind) ?? 0;
      seen.set(kind, count + 1);
      if (count > 0) {
        suppressed++;
        return;
      }
      log.warn(msg, { kind, err: err === undefined ? undefined : String(err) });
    },
    info(msg, fields) {
      log.info(msg, fields);
    },
    recovered() {
      if (suppressed === 0) return;
      log.info('recovered', { repeatedErrorsNotLogged: suppressed });
      suppressed = 0;
    },
  };
}
