import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { insertedNewImages, type StreamRecordLike } from './inserted-images';

const order = { userId: 'u1', orderId: 'ord_1', status: 'PLACED', items: [{ productId: 'p1', variantId: 'v1', quantity: 2 }] };

function record(eventName: string, image?: Record<string, unknown>, seq = '100'): StreamRecordLike {
  return { eventName, eventID: `e-${seq}`, dynamodb: { SequenceNumber: seq, ...(image ? { NewImage: marshall(image) } : {}) } };
}

describe('insertedNewImages', () => {
  it('passes the unmarshalled new image of an INSERT', () => {
    expect(insertedNewImages([record('INSERT', order)]).images).toEqual([order]);
  });

  it('ignores MODIFY and REMOVE records: a status change or a deletion is not a sale', () => {
    const shipped = { ...order, status: 'SHIPPED' };
    const out = insertedNewImages([record('MODIFY', shipped, '1'), record('REMOVE', undefined, '2'), record('INSERT', order, '3')]);
    expect(out.images).toEqual([order]);
    expect(out.unreadable).toEqual([]);
  });

  it('reports an INSERT without a new image instead of dropping it silently', () => {
    const out = insertedNewImages([record('INSERT', undefined, '7')]);
    expect(out.images).toEqual([]);
    expect(out.unreadable).toEqual([{ eventId: 'e-7', sequenceNumber: '7', error: 'no NewImage' }]);
  });

  it('reports a record it cannot unmarshall and keeps going', () => {
    const poison: StreamRecordLike = { eventName: 'INSERT', eventID: 'bad', dynamodb: { NewImage: { n: { $unknown: ['XX', 1] } } } };
    const out = insertedNewImages([poison, record('INSERT', order)]);
    expect(out.images).toEqual([order]);
    expect(out.unreadable.map((u) => u.eventId)).toEqual(['bad']);
  });

  it('reads a Lambda DynamoDBStreamEvent record as delivered (plain JSON)', () => {
    const lambdaRecord = JSON.parse(
      JSON.stringify({
        eventID: '1',
        eventName: 'INSERT',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'us-east-1',
        dynamodb: {
          Keys: marshall({ userId: 'u1', orderId: 'ord_1' }),
          NewImage: marshall(order),
          SequenceNumber: '111',
          SizeBytes: 26,
          StreamViewType: 'NEW_IMAGE',
        },
        eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000',
      }),
    ) as StreamRecordLike;
    expect(insertedNewImages([lambdaRecord]).images).toEqual([order]);
  });
});
