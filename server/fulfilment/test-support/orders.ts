import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { addCartItem } from '../../cart';
import { placeOrder } from '../../checkout';
import { checkoutBody, putProduct, uniqueId } from '../../checkout/test-support/fixtures';
import type { OrderRecord } from '../../orders';
import { readLedger } from '../../payments';
import { dynamoDoc } from '../../platform/aws/clients';
import { tableName } from '../../platform/db/tables';

// Test-only: orders placed through the real checkout, and reads of what the lifecycle wrote.

export async function placedOrder(lines: { price: number; stock: number; quantity: number }[], opts: { email?: string } = {}) {
  const userId = uniqueId('shopper');
  const products = [];
  for (const l of lines) {
    const p = await putProduct({ variants: [{ id: 'v', price: l.price, stock: l.stock }] });
    products.push(p);
    await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: l.quantity });
  }
  const { order } = await placeOrder({ userId, email: opts.email, idempotencyKey: crypto.randomUUID(), body: checkoutBody() });
  return { userId, order, products };
}

export async function orderRecord(userId: string, orderId: string): Promise<OrderRecord> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('orders'), Key: { userId, orderId }, ConsistentRead: true }));
  return out.Item as OrderRecord;
}

export async function ledgerKinds(orderId: string): Promise<string[]> {
  return (await readLedger(orderId)).map((e) => `${e.kind}:${e.amount.amount}`);
}
