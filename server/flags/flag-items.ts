import { z } from 'zod';
import { logger } from '../observability';
import { type Flag, type FlagAuditEntry, flagSchema, flagStateSchema } from './flag-model';

// DynamoDB items ↔ domain shapes. Items are parsed, not cast: a hand-edited or half-migrated item must never reach
// middleware as a malformed flag. An unparseable flag item is dropped (its built-in default, if any, applies).

export type FlagItem = Flag & { updatedById?: string };

export function toFlagItem(flag: Flag, updatedById: string): FlagItem {
  return { ...flag, updatedById };
}

export function flagFromItem(item: Record<string, unknown> | undefined): Flag | null {
  if (!item) return null;
  const parsed = flagSchema.safeParse(item);
  if (!parsed.success) {
    logger.warn('flag item ignored: it does not match the flag schema', { key: String(item.key), issues: parsed.error.issues.length });
    return null;
  }
  return parsed.data;
}

/**
 * Audit sort key: the flag version after the change, zero-padded so entries sort like versions, then the time of the
 * change, so a flag deleted and created again (versions restart at 1) never collides with its old history.
 */
export function auditEntryId(version: number, at: string): string {
  return `${String(version).padStart(10, '0')}#${at}`;
}

export const AUDIT_ENTRY_ID_PATTERN = /^\d{10}#\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

const auditItemSchema = z.object({
  flagKey: z.string(),
  entryId: z.string(),
  version: z.number().int(),
  action: z.enum(['seed', 'update', 'revert']),
  at: z.string(),
  by: z.string(),
  byId: z.string(),
  before: flagStateSchema.nullable(),
  after: flagStateSchema,
  revertOf: z.string().optional(),
});

export function auditEntryFromItem(item: Record<string, unknown> | undefined): FlagAuditEntry | null {
  if (!item) return null;
  const parsed = auditItemSchema.safeParse(item);
  return parsed.success ? parsed.data : null;
}
