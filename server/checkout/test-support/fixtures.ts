import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../../aws/clients';
import type { ProductRecord } from '../../catalog/types';
import { tableName } from '../../db/tables';

// Test-only: products written straight to the table (unique ids per test, so suites sharing one stack never
// collide), and reads of what checkout wrote.

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

export async function putProduct(opts: {
  variants: { id: string; price: number; stock: number; options?: Record<string, string> }[];
  name?: string;
  /** Promotions apply by category: a test of one gets a category of its own. */
  category?: string;
}): Promise<ProductRecord> {
  const id = uniqueId('p');
  const record: ProductRecord = {
    id,
    slug: id,
    name: opts.name ?? `Test product ${id}`,
    category: opts.category ?? 'test-fixtures',
    brand: 'Fixture Co',
    description: 'A product written by an integration test.',
    images: ['/images/products/test.png'],
    variants: opts.variants.map((v) => ({ id: v.id, options: v.options ?? { size: v.id }, price: v.price })),
    stock: Object.fromEntries(opts.variants.map((v) => [v.id, v.stock])),
    currency: 'USD',
    minPrice: Math.min(...opts.variants.map((v) => v.price)),
    rating: 4.5,
    reviewCount: 10,
    ratingSort: 4_500_010,
    featuredRank: 1000,
    createdAt: new Date().toISOString(),
    listAll: 'ALL',
    tags: [],
  };
  await dynamoDoc().send(new PutCommand({ TableName: tableName('products'), Item: record }));
  return record;
}

export async function stockOf(productId: string, variantId: string): Promise<number | undefined> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('products'), Key: { id: productId }, ConsistentRead: true }));
  return (out.Item as ProductRecord | undefined)?.stock[variantId];
}

export async function orderCount(userId: string): Promise<number> {
  const out = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('orders'),
      KeyConditionExpression: 'userId = :u',
      ExpressionAttributeValues: { ':u': userId },
      Select: 'COUNT',
      ConsistentRead: true,
    }),
  );
  return out.Count ?? 0;
}

export async function idempotencyRecordExists(userId: string, key: string): Promise<boolean> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('idempotency'), Key: { key: `${userId}#${key}` }, ConsistentRead: true }));
  return out.Item !== undefined;
}

export const address = { name: 'Ada Lovelace', line1: '1 Analytical Way', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' };

export function checkoutBody(cardNumber = '4242 4242 4242 4242', extra: Record<string, unknown> = {}) {
  return { shippingAddress: address, shippingMethod: 'standard', payment: { cardNumber, expMonth: 12, expYear: 2035, cvc: '123' }, ...extra };
}
