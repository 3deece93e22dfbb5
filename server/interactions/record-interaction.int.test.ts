import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoDoc } from '../platform/aws/clients';
import { tableName } from '../platform/db/tables';
import { recordInteraction } from './record-interaction';

describe('recording interactions on DynamoDB Local', () => {
  it('keeps views, add-to-cart and purchases per shopper, newest last, with an expiry', async () => {
    const userId = `user-${Date.now()}`;
    const t0 = Date.now();
    await recordInteraction({ type: 'view', productId: 'p1', actor: { userId }, at: new Date(t0) });
    await recordInteraction({ type: 'add-to-cart', productId: 'p1', actor: { userId }, at: new Date(t0 + 1) });
    await recordInteraction({ type: 'purchase', productId: 'p1', actor: { userId }, at: new Date(t0 + 2) });
    await recordInteraction({ type: 'view', productId: 'p2', actor: { anonId: 'anon-abc' } });

    const out = await dynamoDoc().send(
      new QueryCommand({ TableName: tableName('events'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `user#${userId}` } }),
    );
    expect(out.Items?.map((i) => i.type)).toEqual(['view', 'add-to-cart', 'purchase']);
    expect(out.Items?.every((i) => i.productId === 'p1' && i.expiresAt > t0 / 1000)).toBe(true);
    const anon = await dynamoDoc().send(
      new QueryCommand({ TableName: tableName('events'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'anon#anon-abc' } }),
    );
    expect(anon.Items?.map((i) => i.productId)).toContain('p2');
  });
});
