import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { type TransactItem, tableName } from '../platform/db';
import type { StoredCart } from './contract';

// The carts table adapter. Every write is conditioned on the version that was read, so concurrent changes to
// one cart (two tabs, a merge during an add) retry instead of silently dropping a line.

const GUEST_CART_TTL_SECONDS = 30 * 24 * 60 * 60;

export async function readStoredCart(cartId: string): Promise<StoredCart | null> {
  // Strongly consistent: a shopper who just added a line must see it on the next read.
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('carts'), Key: { cartId }, ConsistentRead: true }));
  return (out.Item as StoredCart | undefined) ?? null;
}

export function emptyStoredCart(cartId: string): StoredCart {
  return { cartId, lines: [], version: 0, updatedAt: new Date(0).toISOString() };
}

/** The item to write for `next`, replacing a cart last read at `previousVersion` (0 = did not exist). */
function nextItem(cart: StoredCart): StoredCart {
  const now = new Date();
  const item: StoredCart = { ...cart, version: cart.version + 1, updatedAt: now.toISOString() };
  if (cart.cartId.startsWith('guest#')) item.expiresAt = Math.floor(now.getTime() / 1000) + GUEST_CART_TTL_SECONDS;
  return item;
}

function versionCondition(previousVersion: number) {
  return previousVersion === 0
    ? { ConditionExpression: 'attribute_not_exists(cartId)' }
    : { ConditionExpression: '#version = :v', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':v': previousVersion } };
}

/** Writes the cart if nobody changed it since it was read; throws ConditionalCheckFailedException otherwise. */
export async function writeStoredCart(cart: StoredCart): Promise<StoredCart> {
  const item = nextItem(cart);
  await dynamoDoc().send(new PutCommand({ TableName: tableName('carts'), Item: item, ...versionCondition(cart.version) }));
  return item;
}

/** A transaction item that writes `cart` under the same version guard (used by the sign-in merge). */
export function putStoredCartItem(cart: StoredCart): { item: StoredCart; write: TransactItem } {
  const item = nextItem(cart);
  return { item, write: { Put: { TableName: tableName('carts'), Item: item, ...versionCondition(cart.version) } } };
}

export function deleteStoredCartItem(cart: StoredCart): TransactItem {
  return {
    Delete: {
      TableName: tableName('carts'),
      Key: { cartId: cart.cartId },
      ConditionExpression: '#version = :v',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':v': cart.version },
    },
  };
}

export async function runCartTransaction(items: TransactItem[]): Promise<void> {
  await dynamoDoc().send(new TransactWriteCommand({ TransactItems: items }));
}

/**
 * Checkout's cart clear, inside its transaction. Conditioned on the version that was priced: if the shopper
 * changed the cart meanwhile, the order would not match what they reviewed, so the transaction fails and is retried.
 */
export function clearStoredCartItem(cartId: string, pricedVersion: number): TransactItem {
  return {
    Update: {
      TableName: tableName('carts'),
      Key: { cartId },
      // The code goes with the order it was used on: the next cart starts without one.
      UpdateExpression: 'SET #lines = :empty, #version = #version + :one, updatedAt = :now REMOVE discountCodes',
      ConditionExpression: '#version = :v',
      ExpressionAttributeNames: { '#lines': 'lines', '#version': 'version' },
      ExpressionAttributeValues: { ':empty': [], ':one': 1, ':now': new Date().toISOString(), ':v': pricedVersion },
    },
  };
}
