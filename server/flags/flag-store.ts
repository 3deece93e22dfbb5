import { GetCommand, QueryCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { isTransactionCanceled } from '../db';
import { tableName } from '../db/tables';
import { auditEntryFromItem, flagFromItem, toFlagItem } from './flag-items';
import type { Flag, FlagAuditEntry } from './flag-model';

// DynamoDB operations on the `flags` (pk key) and `flag-audit` (pk flagKey, sk entryId) tables. Raw reads and
// writes only; the rules (who may, which version) live in update-flag.ts and seed-flags.ts.

/** Every stored flag. Strongly consistent: a snapshot taken after a write has finished must contain it. */
export async function scanFlags(signal?: AbortSignal): Promise<Flag[]> {
  const flags: Flag[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDoc().send(new ScanCommand({ TableName: tableName('flags'), ConsistentRead: true, ExclusiveStartKey: start }), {
      abortSignal: signal,
    });
    for (const item of page.Items ?? []) {
      const flag = flagFromItem(item);
      if (flag) flags.push(flag);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return flags;
}

export async function getStoredFlag(key: string): Promise<Flag | null> {
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('flags'), Key: { key }, ConsistentRead: true }));
  return flagFromItem(Item);
}

export type WriteOutcome = 'written' | 'cancelled';

/**
 * Writes the new flag and its audit entry in one transaction: either both exist afterwards or neither does.
 * The flag put is conditional on the version the caller read (`expectedVersion` 0: the item must not exist yet),
 * so two marketers saving at once cannot both win. 'cancelled' means a condition failed or another transaction
 * held the item; the caller re-reads to tell which.
 */
export async function writeFlagWithAudit(next: Flag, expectedVersion: number, audit: FlagAuditEntry): Promise<WriteOutcome> {
  const condition: { ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues?: Record<string, number> } =
    expectedVersion === 0
      ? { ConditionExpression: 'attribute_not_exists(#key)', ExpressionAttributeNames: { '#key': 'key' } }
      : {
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        };
  try {
    await dynamoDoc().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName('flags'), Item: toFlagItem(next, audit.byId), ...condition } },
          {
            Put: {
              TableName: tableName('flagAudit'),
              Item: audit,
              ConditionExpression: 'attribute_not_exists(entryId)',
            },
          },
        ],
      }),
    );
    return 'written';
  } catch (err) {
    if (isTransactionCanceled(err)) return 'cancelled';
    throw err;
  }
}

/** Up to `limit` entries, newest first; `afterEntryId` continues below that entry. */
export async function queryAudit(flagKey: string, limit: number, afterEntryId?: string): Promise<FlagAuditEntry[]> {
  const entries: FlagAuditEntry[] = [];
  let start: Record<string, unknown> | undefined = afterEntryId ? { flagKey, entryId: afterEntryId } : undefined;
  // Limit counts items read, and a page may also stop at 1 MB: keep reading until `limit` or the end.
  do {
    const page = await dynamoDoc().send(
      new QueryCommand({
        TableName: tableName('flagAudit'),
        KeyConditionExpression: 'flagKey = :k',
        ExpressionAttributeValues: { ':k': flagKey },
        ScanIndexForward: false,
        Limit: limit - entries.length,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const entry = auditEntryFromItem(item);
      if (entry) entries.push(entry);
    }
    start = page.LastEvaluatedKey;
  } while (start && entries.length < limit);
  return entries;
}

export async function getAuditEntry(flagKey: string, entryId: string): Promise<FlagAuditEntry | null> {
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('flagAudit'), Key: { flagKey, entryId }, ConsistentRead: true }));
  return auditEntryFromItem(Item);
}
