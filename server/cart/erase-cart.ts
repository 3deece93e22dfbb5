import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { tableName } from '../platform/db';
import { cartKey } from './cart-key';

/** Account deletion (server/account): the shopper's saved cart goes with the account. Idempotent. */
export async function eraseCartOf(userId: string): Promise<void> {
  await dynamoDoc().send(new DeleteCommand({ TableName: tableName('carts'), Key: { cartId: cartKey({ kind: 'user', userId }) } }));
}
