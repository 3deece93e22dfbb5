import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { ProductRecord } from '../../catalog/contract';

// One change to one product, with plain (unmarshalled) images. Both sources of stream records map to this:
// the in-process follower (DynamoDB Streams GetRecords) and, on AWS, the stream-subscribed Lambda
// (DynamoDBStreamEvent). Both carry the same `eventName` + `dynamodb.{Keys, OldImage, NewImage}` shape.

export type ProductChange = {
  kind: 'INSERT' | 'MODIFY' | 'REMOVE';
  productId: string;
  /** null for INSERT. */
  oldImage: ProductRecord | null;
  /** null for REMOVE. */
  newImage: ProductRecord | null;
};

/** DynamoDB JSON as both sources deliver it; typed loosely because Lambda's and the SDK's types differ. */
type MarshalledImage = Record<string, unknown>;

export type RawStreamRecord = {
  eventName?: string;
  dynamodb?: {
    Keys?: MarshalledImage;
    OldImage?: MarshalledImage;
    NewImage?: MarshalledImage;
    SequenceNumber?: string;
  };
};

function toPlain(image: MarshalledImage | undefined): Record<string, unknown> | null {
  return image ? unmarshall(image as Record<string, AttributeValue>) : null;
}

/** Records that are not product changes (no key, unknown event) are skipped, not thrown: one bad record must not stall a shard. */
export function productChangesFromStreamRecords(records: readonly RawStreamRecord[]): ProductChange[] {
  const changes: ProductChange[] = [];
  for (const record of records) {
    const kind = record.eventName;
    if (kind !== 'INSERT' && kind !== 'MODIFY' && kind !== 'REMOVE') continue;
    const keys = toPlain(record.dynamodb?.Keys);
    const oldImage = toPlain(record.dynamodb?.OldImage) as ProductRecord | null;
    const newImage = toPlain(record.dynamodb?.NewImage) as ProductRecord | null;
    const productId = keys?.id ?? newImage?.id ?? oldImage?.id;
    if (typeof productId !== 'string') continue;
    changes.push({ kind, productId, oldImage, newImage: kind === 'REMOVE' ? null : newImage });
  }
  return changes;
}
