import { z } from 'zod';
import { assertRole, MARKETERS_GROUP } from '../identity/contract';
import { AUDIT_ENTRY_ID_PATTERN } from '../platform/db';
import { AppError } from '../platform/errors';
import type { FlagActor, FlagAuditEntry } from './contract';
import { currentFlag } from './current-flag';
import { queryAudit } from './flag-store';

// GET /api/admin/flags/[key]/history: the audit entries of one flag, newest first, paged like every list endpoint
// (limit default 24, max 100, opaque cursor, nextCursor null at the end).

export const historyQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(24),
  cursor: z.string().max(200).optional(),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export type FlagHistoryPage = { entries: FlagAuditEntry[]; nextCursor: string | null };

function encodeCursor(entryId: string): string {
  return Buffer.from(JSON.stringify({ e: entryId })).toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const e = typeof parsed === 'object' && parsed !== null ? (parsed as { e?: unknown }).e : undefined;
    if (typeof e === 'string' && AUDIT_ENTRY_ID_PATTERN.test(e)) return e;
  } catch {
    // Falls through to the error below.
  }
  throw new AppError('INVALID_CURSOR', 'The cursor is not valid.');
}

export async function flagHistory(actor: FlagActor, key: string, query: HistoryQuery): Promise<FlagHistoryPage> {
  assertRole(actor, MARKETERS_GROUP, 'Only marketers can see or change feature flags.');
  await currentFlag(key); // 404 for a key that is neither stored nor built in
  // One extra entry tells whether there is a next page, so the last page says nextCursor: null.
  const read = await queryAudit(key, query.limit + 1, query.cursor ? decodeCursor(query.cursor) : undefined);
  const entries = read.slice(0, query.limit);
  const last = entries.at(-1);
  return { entries, nextCursor: read.length > query.limit && last ? encodeCursor(last.entryId) : null };
}
