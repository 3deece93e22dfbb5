import { z } from 'zod';
import { logger } from '../platform/observability';
import { type Flag, type FlagAuditEntry, flagSchema, flagStateSchema } from './contract';

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
