import { getRedis } from '../platform/cache';
import { AppError } from '../platform/errors';
import { processSingleton } from '../platform/runtime';
import { clearWarning, errorText, log } from './log';
import { clearDirtyVersion, isDirtyInProcess, readDirtyVersion, setDirtyInProcess } from './redis-dirty-flag';
import { isBuilt, markBuilt, raiseScores } from './redis-leaderboard';
import { readAllSoldCounters } from './sold-counters';

// Bringing Redis back in step with DynamoDB: after an outage, a Redis that restarted empty, or at consumer start.
// The rebuild merges (ZADD GT) instead of replacing the set, so updates copied while it runs are never lost
// and several processes may rebuild at once without harm.

/** Copies every DynamoDB counter into Redis and marks the set built. Throws UNAVAILABLE without Redis. */
export async function rebuildLeaderboardFromDynamo(): Promise<{ products: number }> {
  const redis = getRedis();
  if (!redis) throw new AppError('UNAVAILABLE', 'Redis is not connected; the leaderboard cannot be rebuilt now.');
  // Read the flag before the counters: any mark made after this point may concern a count we did not read.
  const version = await readDirtyVersion();
  setDirtyInProcess(false);
  try {
    const counts = await readAllSoldCounters();
    await raiseScores(redis, counts);
    await markBuilt(redis);
    if (version !== null) await clearDirtyVersion(version);
    clearWarning('leaderboard-redis-write');
    log('info', 'leaderboard rebuilt from DynamoDB', { products: counts.length });
    return { products: counts.length };
  } catch (err) {
    setDirtyInProcess(true);
    throw err;
  }
}

export type HealOutcome = 'in-step' | 'rebuilt' | 'redis-unavailable' | 'failed';

/** One heal per process, whichever bundle asks (a process singleton). */
const healState = () =>
  processSingleton('leaderboard:heal', () => ({ inflight: undefined as Promise<HealOutcome> | undefined, failedAt: undefined as number | undefined }));

/** Readers trigger heals; while rebuilds keep failing, do not repeat the full read on every request. */
const RETRY_AFTER_FAILURE_MS = 5_000;

/**
 * Rebuilds when Redis is reachable and known to be behind: this process missed an update, another one flagged it
 * in DynamoDB, or the set was never built (empty Redis). One run at a time per process. Never throws.
 */
export function healLeaderboardIfNeeded(): Promise<HealOutcome> {
  const state = healState();
  if (state.failedAt !== undefined && Date.now() - state.failedAt < RETRY_AFTER_FAILURE_MS) return Promise.resolve('failed');
  if (state.inflight) return state.inflight;
  const run = heal().then((outcome) => {
    state.failedAt = outcome === 'failed' ? Date.now() : undefined;
    return outcome;
  });
  state.inflight = run.finally(() => {
    state.inflight = undefined;
  });
  return run;
}

async function heal(): Promise<HealOutcome> {
  const redis = getRedis();
  if (!redis) return 'redis-unavailable';
  try {
    const needed = isDirtyInProcess() || !(await isBuilt(redis)) || (await readDirtyVersion()) !== null;
    if (!needed) return 'in-step';
    await rebuildLeaderboardFromDynamo();
    return 'rebuilt';
  } catch (err) {
    log('warn', 'leaderboard rebuild failed; will try again', { err: errorText(err) });
    return 'failed';
  }
}
