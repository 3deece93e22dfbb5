import { logger, logOnce } from '../platform/observability';

// Structured log lines for the leaderboard, through the one logger (server/platform/observability). An outage is said
// once until it clears (warnOnce/clearWarning), so a down Redis or DynamoDB does not write a line per request.

export { errorText } from '../platform/observability';

type Level = 'info' | 'warn' | 'error';

const leaderboardLog = logger.child({ component: 'leaderboard' });
const outages = logOnce('leaderboard', leaderboardLog);

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  leaderboardLog[level](msg, fields);
}

/** Logs the first occurrence of `kind`; later ones are silent until clearWarning(kind). */
export function warnOnce(kind: string, msg: string, fields: Record<string, unknown> = {}, level: Level = 'warn'): void {
  outages.log(kind, msg, fields, level);
}

export function clearWarning(kind: string): void {
  outages.recovered(kind);
}
