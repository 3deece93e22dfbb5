import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoBulkDoc } from '../../platform/aws/clients';
import { isConditionalCheckFailure } from '../../platform/db';
import type { ProductRecord } from '../contract';
import { productChanged } from './product-changed';

// Rewrites one product that already exists, so an import and a marketer's edit (server/catalog/editing) never
// fight: the put is conditional on the version the import read and bumps it, so whichever writes second sees the
// first — an edit form opened before the import gets a 409, and an import racing an edit re-reads and applies its
// file over the edited item rather than erasing the edit's version bump. What only marketers set (`published`)
// is carried over; what the file holds (prices, stock, featured rank) is the file's to set.

const MAX_ATTEMPTS = 4;

export type UpdatedProductOutcome = 'written' | 'unchanged';

/** Versioned item for `next` over `stored`: the import's attributes, the stored editor-only ones, version + 1. */
export function versionedRecord(next: ProductRecord, stored: Record<string, unknown>): ProductRecord {
  const storedVersion = typeof stored.version === 'number' ? stored.version : 0;
  return {
    ...next,
    ...(typeof stored.published === 'boolean' ? { published: stored.published } : {}),
    version: storedVersion + 1,
  };
}

/** `force` rewrites (and bumps) even an identical item, as `import --force` asks. */
export async function writeUpdatedProduct(table: string, next: ProductRecord, stored: Record<string, unknown>, force = false): Promise<UpdatedProductOutcome> {
  let seen = stored;
  for (let attempt = 1; ; attempt++) {
    if (!force && !productChanged(next, seen)) return 'unchanged';
    const storedVersion = typeof seen.version === 'number' ? seen.version : 0;
    try {
      await dynamoBulkDoc().send(
        new PutCommand({
          TableName: table,
          Item: versionedRecord(next, seen),
          ConditionExpression: storedVersion === 0 ? 'attribute_exists(id) AND attribute_not_exists(#version)' : '#version = :seen',
          ExpressionAttributeNames: { '#version': 'version' },
          ...(storedVersion === 0 ? {} : { ExpressionAttributeValues: { ':seen': storedVersion } }),
        }),
      );
      return 'written';
    } catch (err) {
      if (!isConditionalCheckFailure(err) || attempt >= MAX_ATTEMPTS) throw err;
      const { Item } = await dynamoBulkDoc().send(new GetCommand({ TableName: table, Key: { id: next.id }, ConsistentRead: true }));
      // Deleted meanwhile: the file still lists it, so it is created again (version 1).
      seen = Item ?? {};
      if (!Item) {
        await dynamoBulkDoc().send(new PutCommand({ TableName: table, Item: { ...next, version: 1 }, ConditionExpression: 'attribute_not_exists(id)' }));
        return 'written';
      }
    }
  }
}
