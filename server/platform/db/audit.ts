import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import type { TransactItem } from '.';
import { isTransactionCanceled } from './aws-errors';
import { queryUpTo } from './paginate';
import { type TableKey, tableName } from './tables';

// Versioned entities with an audit trail (feature flags, promotions, product edits): every change writes the entity,
// conditional on the version the editor read, and its audit entry, in one transaction — both or neither — so two
// editors saving at once cannot both win and no change is ever missing from the history.

/**
 * Audit sort key of a versioned entity (flags, promotions): the version after the change, zero-padded so entries
 * sort like versions, then the time of the change, so an entity deleted and created again (versions restart at 1)
 * never collides with its old history.
 */
export function auditEntryId(version: number, at: string): string {
  return `${String(version).padStart(10, '0')}#${at}`;
}

export const AUDIT_ENTRY_ID_PATTERN = /^\d{10}#\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/**
 * Up to `limit` audit entries of one entity, newest first; `afterEntryId` continues below that entry (the history
 * pages of flags, promotions and product edits).
 */
export async function queryAuditTrail(table: TableKey, keyName: string, key: string, limit: number, afterEntryId?: string): Promise<Record<string, unknown>[]> {
  return queryUpTo<Record<string, unknown>>(
    {
      TableName: tableName(table),
      KeyConditionExpression: '#k = :k',
      ExpressionAttributeNames: { '#k': keyName },
      ExpressionAttributeValues: { ':k': key },
      ScanIndexForward: false,
      ...(afterEntryId ? { ExclusiveStartKey: { [keyName]: key, entryId: afterEntryId } } : {}),
    },
    limit,
  );
}

/**
 * The entity's conditional write (with any item kept in step with it) and its audit entry, in one transaction. 'cancelled' when a condition failed or
 * another transaction held the item: the caller re-reads to tell a lost race from a conflict.
 */
export async function writeWithAudit(
  change: TransactItem | readonly TransactItem[],
  audit: { table: TableKey; entry: Record<string, unknown> },
): Promise<'written' | 'cancelled'> {
  const changes = Array.isArray(change) ? change : [change as TransactItem];
  try {
    await dynamoDoc().send(
      new TransactWriteCommand({
        TransactItems: [...changes, { Put: { TableName: tableName(audit.table), Item: audit.entry, ConditionExpression: 'attribute_not_exists(entryId)' } }],
      }),
    );
    return 'written';
  } catch (err) {
    if (isTransactionCanceled(err)) return 'cancelled';
    throw err;
  }
}

/** `SET #f0 = :f0, …` for plain fields, with the placeholders (field names are data, never spliced in). */
export function setFields(fields: Record<string, unknown>): { sets: string[]; names: Record<string, string>; values: Record<string, unknown> } {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(fields).map(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    return `#f${i} = :f${i}`;
  });
  return { sets, names, values };
}
