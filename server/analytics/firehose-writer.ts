import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { firehoseClient } from '../platform/aws/clients';
import type { LakeRow } from './lake-columns';

// On AWS a flushed batch goes to Kinesis Data Firehose as one JSON line per event (snake_case, the Glue table's
// columns). Firehose buffers, converts to Parquet with the Glue schema and writes S3 objects under
// events/dt=YYYY-MM-DD/ (sst.config.ts). PutRecordBatch takes at most 500 records; records Firehose could not take
// come back in FailedPutCount and are sent once more, then given up (analytics is best effort).

const MAX_RECORDS = 500;
const encoder = new TextEncoder();

export function firehoseRecords(rows: readonly LakeRow[]): { Data: Uint8Array }[] {
  return rows.map((row) => ({ Data: encoder.encode(`${JSON.stringify(row)}\n`) }));
}

export async function writeFirehoseBatch(streamName: string, rows: readonly LakeRow[]): Promise<{ failed: number }> {
  let failed = 0;
  for (let i = 0; i < rows.length; i += MAX_RECORDS) {
    let records = firehoseRecords(rows.slice(i, i + MAX_RECORDS));
    for (let attempt = 0; attempt < 2 && records.length > 0; attempt++) {
      const out = await firehoseClient().send(new PutRecordBatchCommand({ DeliveryStreamName: streamName, Records: records }));
      if (!out.FailedPutCount) {
        records = [];
        break;
      }
      records = records.filter((_, j) => out.RequestResponses?.[j]?.ErrorCode);
    }
    failed += records.length;
  }
  return { failed };
}
