import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

// Stream records → the plain objects of newly inserted items. The structural type below is met both by the
// Streams API's records (the local poller) and by a Lambda DynamoDBStreamEvent's Records, so one filter serves both.

export type StreamRecordLike = {
  eventName?: string;
  eventID?: string;
  dynamodb?: { NewImage?: Record<string, AttributeValue>; SequenceNumber?: string };
};

export type InsertedImages = {
  images: Record<string, unknown>[];
  /** Records that claimed to be inserts but could not be read; reported, never retried forever. */
  unreadable: { eventId?: string; sequenceNumber?: string; error: string }[];
};

/**
 * Only INSERT records: a MODIFY (status change) or REMOVE of an order is not a new sale. Nor is the INSERT of a guest
 * order moved into an account at sign-in (`claimedFrom`, server/orders/claim-guest-orders.ts): it was counted when
 * it was placed.
 */
export function insertedNewImages(records: readonly StreamRecordLike[]): InsertedImages {
  const out: InsertedImages = { images: [], unreadable: [] };
  for (const record of records) {
    if (record.eventName !== 'INSERT') continue;
    const image = record.dynamodb?.NewImage;
    if (!image) {
      // A stream configured without new images (KEYS_ONLY) cannot be counted from; say so rather than drop silently.
      out.unreadable.push({ eventId: record.eventID, sequenceNumber: record.dynamodb?.SequenceNumber, error: 'no NewImage' });
      continue;
    }
    if (image.claimedFrom) continue;
    try {
      out.images.push(unmarshall(image));
    } catch (err) {
      // e.g. an attribute type this SDK does not know: a poison record for us, but never a reason to stall the shard.
      out.unreadable.push({ eventId: record.eventID, sequenceNumber: record.dynamodb?.SequenceNumber, error: String(err) });
    }
  }
  return out;
}
