import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { isConditionalCheckFailure } from '../platform/db';
import { tableName } from '../platform/db/tables';
import { processSingleton } from '../platform/runtime';
import { REDIS_DIRTY_KEY } from './keys';
import { errorText, log } from './log';

// "Redis missed an update; rebuild it from DynamoDB." Kept in this process (cheap to check on every batch) and
// in DynamoDB (so the mark survives a crash and reaches the next Lambda container or another consumer process).
// The DynamoDB flag carries a version: a rebuild clears only the version it saw, so a mark made while it ran stays.

function local(): { dirty: boolean } {
  return processSingleton('leaderboard:redis-dirty', () => ({ dirty: false }));
}

export function isDirtyInProcess(): boolean {
  return local().dirty;
}

export function setDirtyInProcess(dirty: boolean): void {
  local().dirty = dirty;
}

/** Never throws: it runs on the path where something already failed, and the in-process mark still holds. */
export async function markRedisDirty(reason: string): Promise<void> {
  setDirtyInProcess(true);
  try {
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('sales'),
        Key: REDIS_DIRTY_KEY,
        UpdateExpression: 'ADD version :one SET markedAt = :now, reason = :reason',
        ExpressionAttributeValues: { ':one': 1, ':now': new Date().toISOString(), ':reason': reason },
      }),
    );
  } catch (err) {
    log('warn', 'could not persist the leaderboard dirty flag; this process will still rebuild', { err: errorText(err) });
  }
}

/** The flag's version, or null when Redis is known to be in step. */
export async function readDirtyVersion(): Promise<number | null> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('sales'), Key: REDIS_DIRTY_KEY, ConsistentRead: true }));
  const version = (out.Item as { version?: number } | undefined)?.version;
  return typeof version === 'number' ? version : null;
}

/** Clears the flag if it is still the version a finished rebuild started from. */
export async function clearDirtyVersion(version: number): Promise<void> {
  try {
    await dynamoDoc().send(
      new DeleteCommand({
        TableName: tableName('sales'),
        Key: REDIS_DIRTY_KEY,
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': version },
      }),
    );
  } catch (err) {
    // Marked again during the rebuild: leave it, the next heal rebuilds once more.
    if (!isConditionalCheckFailure(err)) throw err;
  }
}
