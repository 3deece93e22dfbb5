import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { withRetry } from '../runtime/retry';

// The one BatchWriteItem delete loop (erasing a shopper's partitions): 25 keys a call, DynamoDB's limit, and
// whatever it hands back unprocessed sent again with backoff until none is left or the attempts run out.

const BATCH_WRITE_LIMIT = 25;

export async function batchDeleteAll(table: string, keys: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < keys.length; i += BATCH_WRITE_LIMIT) {
    let pending = keys.slice(i, i + BATCH_WRITE_LIMIT).map((Key) => ({ DeleteRequest: { Key } }));
    await withRetry(
      async () => {
        const out = await dynamoDoc().send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
        if (pending.length > 0) throw Object.assign(new Error(`${pending.length} deletes unprocessed`), { name: 'UnprocessedKeysError' });
      },
      { attempts: 6, baseDelayMs: 50, maxDelayMs: 1_000, retryOn: (err) => (err as Error).name === 'UnprocessedKeysError' },
    );
  }
}
