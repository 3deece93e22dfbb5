import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

// A cap on how many items one partition may hold, made part of the write (issue 30 L2: the address book's 20, the
// wishlist's 100). Counting and then writing is a race: parallel adds all count 99 and all land. So every add
// bumps a version on one guard item of the partition, in the same transaction as the new item, on the condition
// that the version is still the one read *before* the count. Of parallel adds that counted the same items, one
// moves the version and the others' transactions are cancelled; they may read again and count again.
// Read the guard first, then count: an add landing between the two reads has moved the version.

export type CapGuard = {
  /** The version read (null: no add has bumped it yet). */
  readonly version: number | null;
  /** The transaction item that bumps the version, on the condition it is still `version`; `set` adds attributes (a TTL). */
  bump(set?: Record<string, unknown>): TransactItem;
};

export async function readCapGuard(table: string, key: Record<string, string>): Promise<CapGuard> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
  const version = typeof out.Item?.version === 'number' ? out.Item.version : null;
  return {
    version,
    bump(set = {}) {
      const extra = Object.keys(set).map((name, i) => ({ name, placeholder: `:x${i}` }));
      return {
        Update: {
          TableName: table,
          Key: key,
          UpdateExpression: `SET version = :next${extra.map((e, i) => `, #x${i} = ${e.placeholder}`).join('')}`,
          ConditionExpression: version === null ? 'attribute_not_exists(version)' : 'version = :seen',
          ...(extra.length > 0 ? { ExpressionAttributeNames: Object.fromEntries(extra.map((e, i) => [`#x${i}`, e.name])) } : {}),
          ExpressionAttributeValues: {
            ':next': (version ?? 0) + 1,
            ...(version === null ? {} : { ':seen': version }),
            ...Object.fromEntries(extra.map((e) => [e.placeholder, set[e.name]])),
          },
        },
      };
    },
  };
}
