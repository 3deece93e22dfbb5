import { processSingleton } from '../runtime/singleton';
import type { LogFields, Logger } from './logger';

// Says an outage once. A down Redis, DynamoDB or Personalize during a traffic peak (or a stream reader retrying
// every second) must not write one line per request: the first occurrence of each kind is written with its
// cause, repeats are only counted, and `recovered(kind)` reports the count and re-arms the kind. The state lives
// in a process singleton, so every Next bundle of one process shares what was already said.

type Level = 'info' | 'warn' | 'error';

type LogOnce = {
  /** Writes the first `kind` line; later ones are counted, not written, until `recovered(kind)`. */
  log(kind: string, msg: string, fields?: LogFields, level?: Level): void;
  /** Re-arms `kind` (every kind without argument) and, if it had been said, writes that it recovered. */
  recovered(kind?: string): void;
  /** Forgets everything without a line (tests that assert the once-per-kind rule). */
  reset(): void;
};

/** The once-per-kind log of one namespace (one per module that reports outages). */
export function logOnce(namespace: string, log: Logger): LogOnce {
  const repeats = processSingleton(`log-once:${namespace}`, () => new Map<string, number>());
  const end = (kind: string): void => {
    const count = repeats.get(kind);
    if (count === undefined) return;
    repeats.delete(kind);
    log.info(`recovered: ${kind}`, count > 0 ? { repeatsNotLogged: count } : {});
  };
  return {
    log(kind, msg, fields = {}, level = 'warn') {
      const count = repeats.get(kind);
      if (count !== undefined) {
        repeats.set(kind, count + 1);
        return;
      }
      repeats.set(kind, 0);
      log[level](msg, { kind, ...fields });
    },
    recovered(kind) {
      for (const k of kind === undefined ? [...repeats.keys()] : [kind]) end(k);
    },
    reset() {
      repeats.clear();
    },
  };
}
