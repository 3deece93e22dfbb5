import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { type _Record, DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { dynamoClient, dynamoStreamsClient } from '../../../platform/aws/clients';
import { tableName } from '../../../platform/db/tables';

/** Every record the orders stream holds right now, read independently of the consumer (tests). */
export async function allStreamRecords(): Promise<_Record[]> {
  const table = await dynamoClient().send(new DescribeTableCommand({ TableName: tableName('orders') }));
  const arn = table.Table!.LatestStreamArn!;
  const stream = await dynamoStreamsClient().send(new DescribeStreamCommand({ StreamArn: arn }));
  const out: _Record[] = [];
  for (const shard of stream.StreamDescription?.Shards ?? []) {
    const it = await dynamoStreamsClient().send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
    let iterator = it.ShardIterator;
    while (iterator) {
      const page = await dynamoStreamsClient().send(new GetRecordsCommand({ ShardIterator: iterator }));
      out.push(...(page.Records ?? []));
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return out;
}
