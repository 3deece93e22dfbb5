import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { tableName } from '../platform/db';
import { ttlMemo } from '../platform/runtime';

// The shopper's own say on first-party analytics: one item per shopper ('analytics-consent') with the answer, when
// and where. No item means no choice made: analytics is collected (events carry no contact details, and the
// browser's GPC/DNT still wins: server/analytics/consent.ts). The account's rows are erased with the account
// (erasers.ts deletes every item under the user's partition), so a deleted shopper leaves no choice behind.
//
// Every tracked request of a signed-in shopper asks this, after the response: a per-process memo keeps the answer
// for 30 s, and a change made in this process clears its entry at once (another instance sees it within 30 s).

export type AnalyticsChoice = { granted: boolean | null; at: string | null; source: string | null };

const ITEM = 'analytics-consent';
const memo = ttlMemo('analytics-consent', { ttlMs: 30_000, max: 5_000 });

async function readChoice(userId: string): Promise<AnalyticsChoice> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('accounts'), Key: { userId, item: ITEM } }));
  const item = out.Item;
  if (!item || typeof item.granted !== 'boolean') return { granted: null, at: null, source: null };
  return { granted: item.granted, at: typeof item.at === 'string' ? item.at : null, source: typeof item.source === 'string' ? item.source : null };
}

export function getAnalyticsConsent(userId: string): Promise<AnalyticsChoice> {
  return memo.get(userId, () => readChoice(userId));
}

/** The analytics domain's question, in its own terms: 'granted', 'denied', or null when the shopper has not said. */
export async function analyticsConsentOf(userId: string): Promise<'granted' | 'denied' | null> {
  const { granted } = await getAnalyticsConsent(userId);
  return granted === null ? null : granted ? 'granted' : 'denied';
}

export async function setAnalyticsConsent(input: { userId: string; granted: boolean; source: string; now?: Date }): Promise<AnalyticsChoice> {
  const at = (input.now ?? new Date()).toISOString();
  await dynamoDoc().send(
    new PutCommand({ TableName: tableName('accounts'), Item: { userId: input.userId, item: ITEM, granted: input.granted, at, source: input.source } }),
  );
  memo.forget(input.userId);
  return { granted: input.granted, at, source: input.source };
}
