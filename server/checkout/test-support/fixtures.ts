import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ProductRecord } from '../../catalog/contract';
import { dynamoDoc } from '../../platform/aws/clients';
import { getConfig } from '../../platform/config';
import { listAllKey, tableName } from '../../platform/db/tables';
import { readProductShards, spread } from '../../stock';

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
  /**
   * Units in the stock ledger (ADR 0029), spread over this many shards per variant, as the import writes them (1)
   * or a flash-sale SKU after `npm run stock:shard` (more). Absent: on the product item, as items written before
   * the ledger hold them.
   */
  stockShards?: number;
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
    listAll: listAllKey(id),
    tags: [],
    ...(opts.stockShards ? { stockLedger: true } : {}),
  };
  await dynamoDoc().send(new PutCommand({ TableName: tableName('products'), Item: record }));
  const shards = opts.stockShards;
  if (shards) {
    for (const v of opts.variants) {
      const shares = spread(v.stock, shards);
      await Promise.all(
        shares.map((units, shard) =>
          dynamoDoc().send(
            new PutCommand({
              TableName: tableName('stock'),
              Item: { productId: id, slot: `${v.id}#${shard}`, variantId: v.id, units, seq: 1, ...(shard === 0 ? { shards } : {}) },
            }),
          ),
        ),
      );
    }
  }
  return record;
}

/** A variant's units: the ledger's total (all its shards) where the product has one, else the product item's. */
export async function stockOf(productId: string, variantId: string): Promise<number | undefined> {
  const shards = (await readProductShards(productId)).filter((s) => s.variantId === variantId);
  if (shards.length > 0) return shards.reduce((n, s) => n + s.units, 0);
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('products'), Key: { id: productId }, ConsistentRead: true }));
  return (out.Item as ProductRecord | undefined)?.stock[variantId];
}

/** Every shard's units of a variant (a shard below zero would be an oversell). */
export async function shardUnitsOf(productId: string, variantId: string): Promise<number[]> {
  return (await readProductShards(productId))
    .filter((s) => s.variantId === variantId)
    .sort((a, b) => a.shard - b.shard)
    .map((s) => s.units);
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

// The sandbox processor's reusable test tokens (local/payments-sandbox/test-cards.ts, like Stripe's `tok_visa`) by the
// test card they stand for: a checkout body is built synchronously and the same body can be sent twice under one
// Idempotency-Key. The card number itself never goes into the body. `tokenise` mints a real single-use token.
const TEST_TOKEN_BY_CARD: Record<string, string> = {
  '4242424242424242': 'tok_visa',
  '5555555555554444': 'tok_mastercard',
  '4000000000000002': 'tok_chargeDeclined',
  '4000000000009995': 'tok_chargeDeclinedInsufficientFunds',
  '4000002760003184': 'tok_threeDSecureRequired',
};

/** A checkout body paying by token (the test token of `card`, or a `tok_…` given as is). */
export function checkoutBody(card = '4242 4242 4242 4242', extra: Record<string, unknown> = {}) {
  const token = card.startsWith('tok_') ? card : TEST_TOKEN_BY_CARD[card.replace(/[\s-]/g, '')];
  if (!token) throw new Error(`checkoutBody: ${card.slice(-4)} is not a sandbox test card`);
  return { shippingAddress: address, shippingMethod: 'standard', payment: { token }, ...extra };
}

/** Tokenises a test card at the sandbox processor, as the checkout page's card fields do: a single-use token. */
export async function tokenise(card = '4242 4242 4242 4242'): Promise<string> {
  const res = await fetch(`${getConfig().PAYMENTS_SANDBOX_URL}/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ number: card, expMonth: 12, expYear: new Date().getFullYear() + 3, cvc: card.replace(/\D/g, '').length === 15 ? '1234' : '123' }),
  });
  if (res.status !== 201) throw new Error(`sandbox tokenisation answered ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

/** A guest's checkout body: the shopper's, plus the email a guest gives (docs/checkout.md "Guest checkout"). */
export function guestCheckoutBody(email: string, cardNumber?: string, extra: Record<string, unknown> = {}) {
  return { ...checkoutBody(cardNumber, extra), email };
}
