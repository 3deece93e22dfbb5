// Structured log lines for the leaderboard, in the JSON shape the rest of the server writes. An outage is said
// once until it clears (warnOnce/clearWarning), so a down Redis or DynamoDB does not write a line per request.

type Level = 'info' | 'warn' | 'error';

const WARNED = Symbol.for('storefront.leaderboard.warned');

function warned(): Set<string> {
  const g = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  return (g[WARNED] ??= new Set<string>());
}

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, msg, component: 'leaderboard', ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
}

export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
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
