import { logger } from '../observability';

// Structured log lines for the leaderboard, through the one logger (server/observability). An outage is said
// once until it clears (warnOnce/clearWarning), so a down Redis or DynamoDB does not write a line per request.

export { errorText } from '../observability';

type Level = 'info' | 'warn' | 'error';

const WARNED = Symbol.for('storefront.leaderboard.warned');

function warned(): Set<string> {
  const g = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  return (g[WARNED] ??= new Set<string>());
}

const leaderboardLog = logger.child({ component: 'leaderboard' });

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  leaderboardLog[level](msg, fields);
}

/** Logs the first occurrence of `kind`; later ones are silent until clearWarning(kind). */
export function warnOnce(kind: string, msg: string, fields: Record<string, unknown> = {}, level: Level = 'warn'): void {
  const set = warned();
  if (set.has(kind)) return;
  set.add(kind);
  log(level, msg, fields);
}

export function clearWarning(kind: string): void {
  if (warned().delete(kind)) log('info', `recovered: ${kind}`);
}
