import { getConfig } from '../config';
import { currentRequestId } from './context';

// The one logger: one JSON object per line,
//   {"time":"2026-11-21T07:00:00.000Z","level":"warn","msg":"…","requestId":"…","component":"…", …fields}
// `requestId` appears whenever the line is written on a request's behalf (docs/observability.md). No
// dependency: a structured line is a JSON.stringify, and pino's speed matters at volumes this server never
// logs at (ADR 0007). Each level goes through the console method of the same name, so Lambda tags the level
// and tests can spy on console.warn as before.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export type Logger = {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** Would a line at this level be written? For fields that cost something to compute. */
  enabled(level: LogLevel): boolean;
  /** A logger whose lines all carry these fields (e.g. `{ component: 'search' }`). */
  child(bindings: LogFields): Logger;
};

const RANK = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
const CORE_KEYS = new Set(['time', 'level', 'msg', 'requestId']);

function threshold(): number {
  try {
    const { LOG_LEVEL, NODE_ENV } = getConfig();
    return RANK[LOG_LEVEL ?? (NODE_ENV === 'test' ? 'warn' : 'info')];
  } catch {
    // An invalid configuration must not also silence (or crash) the lines that report it.
    return RANK.info;
  }
}

/** "Name: message" for errors (JSON.stringify would write `{}`), strings for bigints. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** The JSON line for one entry; never throws (circular fields degrade to a line that says so). */
export function formatLogLine(level: LogLevel, msg: string, fields: LogFields = {}, requestId = currentRequestId(), time = new Date()): string {
  const line: Record<string, unknown> = { time: time.toISOString(), level, msg };
  if (requestId !== undefined) line.requestId = requestId;
  for (const [key, value] of Object.entries(fields)) {
    if (!CORE_KEYS.has(key) && value !== undefined) line[key] = value;
  }
  try {
    return JSON.stringify(line, replacer);
  } catch (err) {
    return JSON.stringify({ time: line.time, level, msg, requestId, logError: `fields not serialisable: ${String(err)}` });
  }
}

function write(level: LogLevel, msg: string, fields: LogFields): void {
  if (RANK[level] < threshold()) return;
  const line = formatLogLine(level, msg, fields);
  // Looked up at call time so a test's vi.spyOn(console, 'warn') sees the line.
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else if (level === 'info') console.info(line);
  else console.debug(line);
}

function makeLogger(bindings: LogFields): Logger {
  const at = (level: LogLevel) => (msg: string, fields?: LogFields) => write(level, msg, fields ? { ...bindings, ...fields } : bindings);
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    enabled: (level) => RANK[level] >= threshold(),
    child: (more) => makeLogger({ ...bindings, ...more }),
  };
}

export const logger: Logger = makeLogger({});

/** "Name: message" (or String(value)): the `err` field's usual form. */
export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

// Plain-JS modules Next loads unbundled (server/platform/cache/redis-connection.mjs) cannot import this file; they find
// the logger here once any bundle has loaded it, and fall back to a hand-written line of the same shape.
(globalThis as Record<symbol, unknown>)[Symbol.for('storefront.logger')] = logger;
