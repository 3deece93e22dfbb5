import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { STREAM_MAPPINGS } from '@/infra/event-mappings';
import { dynamoClient, dynamoDoc, sqsClient } from '@/server/platform/aws/clients';
import { ensureQueue, type LambdaStreamRecord, type StreamFailureRecord, startDynamoStreamMapping } from './event-source-mapping';

// Issue 25 item 3: with the settings sst.config.ts gives the real mappings, a record the function always fails on
// is bisected out of its batch, retried a bounded number of times, reported to the failure destination, and the
// records after it are processed. Run for both streams' settings on a table of this test's own.

const tables: string[] = [];
afterAll(async () => {
  for (const t of tables)
    await dynamoClient()
      .send(new DeleteTableCommand({ TableName: t }))
      .catch(() => undefined);
});

async function streamTable(): Promise<string> {
  const name = `esm-test-${crypto.randomUUID().slice(0, 8)}`;
  await dynamoClient().send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  tables.push(name);
  return name;
}

describe.each([
  ['products stream (CatalogChanges)', STREAM_MAPPINGS.catalogChanges],
  ['orders stream (OrderLifecycle)', STREAM_MAPPINGS.orderLifecycle],
])('emulated event source mapping: %s', (_name, settings) => {
  it('sends a poison record to the failure destination and processes the records after it', async () => {
    const table = await streamTable();
    const dlq = await ensureQueue(`esm-test-failures-${crypto.randomUUID().slice(0, 8)}`);
    const processed: string[] = [];
    let poisonInvocations = 0;
    const mapping = startDynamoStreamMapping({
      name: 'poison-test',
      table,
      destinationQueueUrl: dlq,
      // Insert then modify, so both event filters (INSERT for products too, MODIFY for order lifecycle) see them.
      settings: { ...settings, eventNames: ['MODIFY'] },
      invoke: async (event) => {
        const records = (event as { Records: LambdaStreamRecord[] }).Records;
        const ids = records.map((r) => (r.dynamodb.NewImage as { id: { S: string } }).id.S);
        if (ids.includes('poison')) {
          poisonInvocations++;
          throw new Error('cannot handle this record');
        }
        processed.push(...ids);
        return null;
      },
    });
    try {
      await mapping.ready;
      const ids = ['a', 'b', 'poison', 'c', 'd', 'e'];
      for (const id of ids) await dynamoDoc().send(new PutCommand({ TableName: table, Item: { id, v: 1 } }));
      for (const id of ids) await dynamoDoc().send(new PutCommand({ TableName: table, Item: { id, v: 2 } }));
      const deadline = Date.now() + 20_000;
      while (processed.length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(processed.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);

      const out = await sqsClient().send(new ReceiveMessageCommand({ QueueUrl: dlq, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }));
      expect(out.Messages).toHaveLength(1);
      const failure = JSON.parse(out.Messages![0]!.Body!) as StreamFailureRecord;
      expect(failure.requestContext.condition).toBe('RetryAttemptsExhausted');
      expect(failure.DDBStreamBatchInfo.batchSize).toBe(1);
      expect(failure.DDBStreamBatchInfo.startSequenceNumber).toBe(failure.DDBStreamBatchInfo.endSequenceNumber);
      expect(failure.DDBStreamBatchInfo.streamArn).toMatch(/^arn:aws:dynamodb:/);
      // Bounded: the first try plus the configured retries for the record alone (and the batches it was bisected from).
      expect(failure.requestContext.approximateInvokeCount).toBe(settings.maximumRetryAttempts + 1);
      expect(poisonInvocations).toBeLessThanOrEqual(settings.maximumRetryAttempts + 1 + Math.ceil(Math.log2(settings.batchSize)) + 1);
      expect(mapping.stats.failedBatches).toBe(1);
    } finally {
      await mapping.stop();
    }
  });
});
