import { assertRole, MARKETERS_GROUP } from '../identity/contract';
import { auditEntryId } from '../platform/db';
import { AppError } from '../platform/errors';
import { type AuditAction, type Flag, type FlagActor, type FlagState, sameState, stateOf } from './contract';
import { currentFlag } from './current-flag';
import { writeFlagWithAudit } from './flag-store';
import { sharedFlagCache } from './shared-flag-cache';

// The one write path for a marketer's change (update and revert): check the actor, check the version the marketer
// saw, write the new flag and its audit entry in one transaction. Optimistic locking, no silent overwrite: a stale
// `expectedVersion` is a 409 carrying the current flag, so the UI can show what changed under the marketer.

export type FlagChange = {
  actor: FlagActor;
  key: string;
  expectedVersion: number;
  action: Exclude<AuditAction, 'seed'>;
  next: (current: Flag) => FlagState;
  revertOf?: string;
};

// Another transaction holding the item (TransactionConflict) is not a lost race: try again, a few times.
const MAX_ATTEMPTS = 3;

export function versionConflict(current: Flag): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    `Someone else changed "${current.key}" (now version ${current.version}, by ${current.updatedBy}). Review the current values and try again.`,
    { details: { currentVersion: current.version, current } },
  );
}

export async function changeFlag(change: FlagChange, now: () => Date = () => new Date()): Promise<Flag> {
  assertRole(change.actor, MARKETERS_GROUP, 'Only marketers can see or change feature flags.');
  for (let attempt = 1; ; attempt++) {
    const current = await currentFlag(change.key);
    if (current.version !== change.expectedVersion) throw versionConflict(current);
    const state = change.next(current);
    // Saving what is already there writes nothing (and no audit entry): there is no change to record.
    if (sameState(state, current)) return current;

    const at = now().toISOString();
    const by = change.actor.email || change.actor.name || change.actor.id;
    const next: Flag = { ...current, ...stateOf(state), version: current.version + 1, updatedBy: by, updatedAt: at };
    const outcome = await writeFlagWithAudit(next, current.version, {
      flagKey: change.key,
      entryId: auditEntryId(next.version, at),
      version: next.version,
      action: change.action,
      at,
      by,
      byId: change.actor.id,
      before: stateOf(current),
      after: stateOf(next),
      revertOf: change.revertOf,
    });
    if (outcome === 'written') {
      // This instance sees the change on its very next request; other instances within their TTL.
      sharedFlagCache().invalidate();
      return next;
    }
    const latest = await currentFlag(change.key);
    if (latest.version !== change.expectedVersion) throw versionConflict(latest);
    if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', 'The flag is being changed right now. Please try again.');
  }
}
