import { randomBytes } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { tableName } from '../platform/db';
import { createPromotion } from './change-promotion';
import type { Promotion } from './contract';
import { createPromotionSchema } from './promotion-schema';

// Test-only: promotions created through the marketers' own write path, with codes unique per test (suites share
// one stack), and reads of what checkout counted.

export const marketer = { id: 'marketer-1', email: 'marketer@example.com', name: 'Mia Marketer', groups: ['marketers'] };

export function uniqueCode(prefix = 'T'): string {
  return `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

export async function makePromotion(fields: Record<string, unknown>): Promise<Promotion> {
  // The write path refuses categories the shop does not have: a test's own category gets its row first.
  for (const slug of Array.isArray(fields.categories) ? (fields.categories as string[]) : []) await ensureCategory(slug);
  return createPromotion(marketer, createPromotionSchema.parse({ code: uniqueCode(), description: 'Test promotion', kind: 'percent', value: 10, ...fields }));
}

export async function ensureCategory(slug: string): Promise<void> {
  await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('categories'),
      Key: { slug },
      UpdateExpression: 'SET #name = if_not_exists(#name, :name)',
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: { ':name': `Test ${slug}` },
    }),
  );
}

export async function redemptionsOf(code: string): Promise<number> {
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('promotions'), Key: { code }, ConsistentRead: true }));
  return Item?.redemptions as number;
}

export async function customerUses(code: string, customerKey: string): Promise<number | undefined> {
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('promotionRedemptions'), Key: { code, customerKey }, ConsistentRead: true }));
  return Item?.uses as number | undefined;
}

/** Moves a promotion's counter as other shoppers' orders would have (without touching its version). */
export async function setRedemptions(code: string, redemptions: number): Promise<void> {
  await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('promotions'),
      Key: { code },
      UpdateExpression: 'SET redemptions = :r',
      ExpressionAttributeValues: { ':r': redemptions },
    }),
  );
}
