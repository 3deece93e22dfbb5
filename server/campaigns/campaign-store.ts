import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { scanPages, tableName } from '../platform/db';
import type { Campaign, CampaignInput } from './campaign-model';

// The `campaigns` table: one item per campaign with its progress counters. Per-recipient "sent once" markers are
// the notifications domain's (key `campaign#<id>` / `recipient#<userId>`), shared with every other email.

export async function createCampaign(input: CampaignInput, by: string, now = new Date()): Promise<Campaign> {
  const campaign: Campaign = {
    ...input,
    id: `cmp_${randomUUID()}`,
    status: 'draft',
    createdAt: now.toISOString(),
    createdBy: by,
    total: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
  };
  await dynamoDoc().send(
    new PutCommand({
      TableName: tableName('campaigns'),
      Item: { campaignId: campaign.id, ...campaign },
      ConditionExpression: 'attribute_not_exists(campaignId)',
    }),
  );
  return campaign;
}

export async function readCampaign(id: string): Promise<Campaign | null> {
  // Only ids this store makes reach DynamoDB: a hostile key (empty, oversized) is "no such campaign", not a 503.
  if (!/^cmp_[0-9a-f-]{36}$/.test(id)) return null;
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('campaigns'), Key: { campaignId: id }, ConsistentRead: true }));
  if (!Item) return null;
  const { campaignId: _key, ...campaign } = Item;
  return campaign as Campaign;
}

/** Every campaign, newest first (a small table a marketer's page reads whole, like the promotions list). */
export async function listCampaigns(): Promise<Campaign[]> {
  const out: Campaign[] = [];
  for await (const page of scanPages({ TableName: tableName('campaigns'), ConsistentRead: true })) {
    for (const { campaignId: _key, ...campaign } of page.Items ?? []) out.push(campaign as Campaign);
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id.localeCompare(b.id)));
}

export async function markSending(id: string, total: number): Promise<void> {
  await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('campaigns'),
      Key: { campaignId: id },
      UpdateExpression: 'SET #s = :s, #t = :t',
      ConditionExpression: 'attribute_exists(campaignId)',
      ExpressionAttributeNames: { '#s': 'status', '#t': 'total' },
      ExpressionAttributeValues: { ':s': 'sending', ':t': total },
    }),
  );
}

export async function countOutcome(id: string, counter: 'sent' | 'skipped' | 'failed'): Promise<void> {
  await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('campaigns'),
      Key: { campaignId: id },
      UpdateExpression: 'ADD #c :one',
      ExpressionAttributeNames: { '#c': counter },
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
}

export async function markSent(id: string): Promise<void> {
  await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('campaigns'),
      Key: { campaignId: id },
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': 'sent' },
    }),
  );
}
