import { z } from 'zod';
import { assertRole, MARKETERS_GROUP } from '../identity/contract';
import { AUDIT_ENTRY_ID_PATTERN } from '../platform/db';
import { AppError } from '../platform/errors';
import { changeFlag } from './change-flag';
import type { Flag, FlagActor } from './contract';
import { getAuditEntry } from './flag-store';

// POST /api/admin/flags/[key]/revert: put the flag back to the values it had before one recorded change. A revert is
// itself a change: optimistic locking applies and it gets its own audit entry (action 'revert', revertOf).

export const revertBodySchema = z
  .object({ entryId: z.string().regex(AUDIT_ENTRY_ID_PATTERN, 'entryId is an id from the flag history.'), expectedVersion: z.number().int().min(0) })
  .strict();
export type RevertBody = z.infer<typeof revertBodySchema>;

export async function revertFlag(actor: FlagActor, key: string, body: RevertBody): Promise<Flag> {
  assertRole(actor, MARKETERS_GROUP, 'Only marketers can see or change feature flags.');
  const entry = await getAuditEntry(key, body.entryId);
  if (!entry) throw new AppError('NOT_FOUND', `Flag "${key}" has no history entry ${body.entryId}.`);
  const before = entry.before;
  if (!before) throw new AppError('BAD_REQUEST', 'That entry created the flag: there is no earlier state to go back to.');
  return changeFlag({ actor, key, expectedVersion: body.expectedVersion, action: 'revert', revertOf: entry.entryId, next: () => before });
}
