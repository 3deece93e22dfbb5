import { GetRecommendationsCommand, type GetRecommendationsCommandOutput } from '@aws-sdk/client-personalize-runtime';
import { personalizeClient } from '../platform/aws/clients';

// Amazon Personalize, operations only: request in, item ids out. The domain (index.ts) maps ids to products,
// filters stock and falls back. Item ids in the dataset are our product ids; user ids are Cognito subs.

function itemIds(out: GetRecommendationsCommandOutput): string[] {
  return (out.itemList ?? []).map((i) => i.itemId).filter((id): id is string => typeof id === 'string' && id.length > 0);
}

/** GetRecommendations with an item id against a similar-items / related-items campaign. */
export async function personalizeSimilarItems(campaignArn: string, itemId: string, numResults: number, abortSignal: AbortSignal): Promise<string[]> {
  const out = await personalizeClient().send(new GetRecommendationsCommand({ campaignArn, itemId, numResults }), { abortSignal });
  return itemIds(out);
}

/** GetRecommendations by user id against a user-personalization campaign. */
export async function personalizeForUser(campaignArn: string, userId: string, numResults: number, abortSignal: AbortSignal): Promise<string[]> {
  const out = await personalizeClient().send(new GetRecommendationsCommand({ campaignArn, userId, numResults }), { abortSignal });
  return itemIds(out);
}
