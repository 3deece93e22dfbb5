import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchIndexChange } from '../../search';
import { productRecord } from '../../search/testing/product-fixtures';

const expireTags = vi.fn<(tags: string[]) => Promise<void>>(async () => {});
const applySearchIndexChanges = vi.fn<(changes: SearchIndexChange[]) => Promise<void>>(async () => {});
vi.mock('../../platform/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../platform/cache')>()),
  expireTags: (tags: string[]) => expireTags(tags),
}));
const recountCategories = vi.fn<(slugs: Iterable<string>) => Promise<void>>(async () => {});
vi.mock('../../catalog', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../catalog')>()),
  recountCategories: (slugs: Iterable<string>) => recountCategories(slugs),
}));
vi.mock('../../search', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../search')>()),
  applySearchIndexChanges: (changes: SearchIndexChange[]) => applySearchIndexChanges(changes),
}));

const { handleProductsStreamEvent, productChangesFromStreamRecords } = await import('./');

const knife = productRecord({ id: 'knife', name: "Chef's Knife", category: 'home-kitchen' });
const movedKnife = { ...knife, name: 'Santoku', category: 'knives' };
const tent = productRecord({ id: 'tent', name: 'Tent', category: 'outdoor' });

/** The shape a stream-subscribed Lambda receives (DynamoDBStreamEvent), images in DynamoDB JSON. */
const lambdaEvent = {
  Records: [
    {
      eventID: '1',
      eventName: 'MODIFY',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        Keys: marshall({ id: 'knife' }),
        OldImage: marshall(knife),
        NewImage: marshall(movedKnife),
        SequenceNumber: '100',
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    },
    {
      eventID: '2',
      eventName: 'REMOVE',
      eventSource: 'aws:dynamodb',
      dynamodb: { Keys: marshall({ id: 'tent' }), OldImage: marshall(tent), SequenceNumber: '101' },
    },
    {
      eventID: '3',
      eventName: 'MODIFY',
      eventSource: 'aws:dynamodb',
      dynamodb: { Keys: marshall({ id: 'knife' }), OldImage: marshall(movedKnife), NewImage: marshall(movedKnife), SequenceNumber: '102' },
    },
  ],
};

beforeEach(() => {
  recountCategories.mockClear();
  expireTags.mockClear();
  applySearchIndexChanges.mockClear();
});

describe('handleProductsStreamEvent', () => {
  it('turns stream records into plain old/new images', () => {
    const changes = productChangesFromStreamRecords(lambdaEvent.Records);
    expect(changes[0]).toEqual({ kind: 'MODIFY', productId: 'knife', oldImage: knife, newImage: movedKnife });
    expect(changes[1]).toEqual({ kind: 'REMOVE', productId: 'tent', oldImage: tent, newImage: null });
  });

  it('applies upserts and removals to the search index in stream order', async () => {
    await handleProductsStreamEvent(lambdaEvent);
    expect(applySearchIndexChanges).toHaveBeenCalledTimes(1);
    expect(applySearchIndexChanges).toHaveBeenCalledWith([
      { type: 'upsert', record: movedKnife },
      { type: 'remove', id: 'tent' },
      { type: 'upsert', record: movedKnife },
    ]);
  });

  it('expires each affected tag once per batch, old and new categories included', async () => {
    await handleProductsStreamEvent(lambdaEvent);
    expect(expireTags).toHaveBeenCalledTimes(1);
    const tags = expireTags.mock.calls[0]![0];
    expect([...tags].sort()).toEqual(
      ['product:knife', 'product:tent', 'catalog:listings', 'catalog:categories', 'category:home-kitchen', 'category:knives', 'category:outdoor'].sort(),
    );
  });

  it('recounts the categories a product joined or left, once per batch, and none for a change within one', async () => {
    await handleProductsStreamEvent(lambdaEvent);
    expect(recountCategories).toHaveBeenCalledTimes(1);
    expect([...recountCategories.mock.calls[0]![0]].sort()).toEqual(['home-kitchen', 'knives', 'outdoor']);
    recountCategories.mockClear();
    await handleProductsStreamEvent({ Records: [lambdaEvent.Records[2]!] });
    expect([...recountCategories.mock.calls[0]![0]]).toEqual([]);
  });

  it('still expires tags when the index update fails, and reports the failure for a retry', async () => {
    applySearchIndexChanges.mockRejectedValueOnce(new Error('boom'));
    await expect(handleProductsStreamEvent(lambdaEvent)).rejects.toThrow('boom');
    expect(expireTags).toHaveBeenCalledTimes(1);
  });

  it('skips records that are not product changes', async () => {
    await handleProductsStreamEvent({ Records: [{ eventName: 'MODIFY', dynamodb: {} }, { eventName: 'UNKNOWN' }] });
    expect(applySearchIndexChanges).not.toHaveBeenCalled();
    expect(expireTags).not.toHaveBeenCalled();
  });
});
