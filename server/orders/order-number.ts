import { randomInt } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { type TransactItem, tableName } from '../platform/db';

// The human order number (API.md "Orders, told truthfully"): `TT-` and six characters from an alphabet with no
// 0/O, 1/I/L and no U (read aloud, written down, typed from a phone call, none of them is mistaken for another).
// 31^6 ≈ 887 million numbers; uniqueness is not left to chance: checkout Puts the number's own item with
// attribute_not_exists in its one transaction, and a taken number cancels that transaction, which then runs again
// with a fresh number (server/checkout). The same item is the lookup: number → order id is one GetItem.

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 6;
export const ORDER_NUMBER_PATTERN = /^TT-[2-9A-HJKMNP-TV-Z]{6}$/;

export function newOrderNumber(): string {
  let out = 'TT-';
  for (let i = 0; i < LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/**
 * What a person typed, as a number if it can be one: any case, spaces or no dash (`tt 4kq7px`, `4KQ7PX`), and the
 * look-alikes a reader might write for a character we never use (O → 0 is not ours either, so O and 0 stay wrong).
 */
export function normaliseOrderNumber(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('TT') && compact.length === LENGTH + 2 ? compact.slice(2) : compact;
  const candidate = `TT-${body}`;
  return ORDER_NUMBER_PATTERN.test(candidate) ? candidate : null;
}

export type OrderNumberItem = { number: string; orderId: string; userId: string; createdAt: string };

/** The number's item inside checkout's transaction: fails (ConditionalCheckFailed) when the number is taken. */
export function putOrderNumberItem(item: OrderNumberItem): TransactItem {
  return {
    Put: {
      TableName: tableName('orderNumbers'),
      Item: item,
      ConditionExpression: 'attribute_not_exists(#n)',
      ExpressionAttributeNames: { '#n': 'number' },
    },
  };
}

/**
 * The order id a number belongs to, or null (a malformed number never reaches DynamoDB). No ownership here: the
 * caller reads the order under its own key afterwards (a shopper) or checks the group first (operations).
 */
export async function findOrderIdByNumber(input: string): Promise<string | null> {
  const number = normaliseOrderNumber(input);
  if (!number) return null;
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('orderNumbers'), Key: { number }, ConsistentRead: true }));
  return (out.Item as OrderNumberItem | undefined)?.orderId ?? null;
}
