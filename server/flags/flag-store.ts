import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { queryAuditTrail, scanPages, writeWithAudit } from '../platform/db';
import { tableName } from '../platform/db/tables';
import type { Flag, FlagAuditEntry } from './contract';
import { auditEntryFromItem, flagFromItem, toFlagItem } from './flag-items';

// DynamoDB operations on the `flags` (pk key) and `flag-audit` (pk flagKey, sk entryId) tables. Raw reads and
// writes only; the rules (who may, which version) live in update-flag.ts and seed-flags.ts.

/** Every stored flag. Strongly consistent: a snapshot taken after a write has finished must contain it. */
export async function scanFlags(signal?: AbortSignal): Promise<Flag[]> {
  const flags: Flag[] = [];
  for await (const page of scanPages({ TableName: tableName('flags'), ConsistentRead: true }, { abortSignal: signal })) {
    for (const item of page.Items ?? []) {
      const flag = flagFromItem(item);
      if (flag) flags.push(flag);
    }
  }
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
  return writeWithAudit({ Put: { TableName: tableName('flags'), Item: toFlagItem(next, audit.byId), ...condition } }, { table: 'flagAudit', entry: audit });
}

/** Up to `limit` entries, newest first; `afterEntryId` continues below that entry. */
export async function queryAudit(flagKey: string, limit: number, afterEntryId?: string): Promise<FlagAuditEntry[]> {
  const items = await queryAuditTrail('flagAudit', 'flagKey', flagKey, limit, afterEntryId);
  return items.map(auditEntryFromItem).filter((entry): entry is FlagAuditEntry => entry !== null);
}

export async function getAuditEntry(flagKey: string, entryId: string): Promise<FlagAuditEntry | null> {
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('flagAudit'), Key: { flagKey, entryId }, ConsistentRead: true }));
  return auditEntryFromItem(Item);
}
