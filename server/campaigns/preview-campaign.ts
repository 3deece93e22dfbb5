import type { RenderedEmail } from '../notifications';
import { getConfig } from '../platform/config';
import { campaignEmail, campaignExtras } from './campaign-email';
import type { CampaignInput } from './campaign-model';
import { segmentRecipients } from './segment-recipients';

// What a marketer sees before sending: roughly how many consenting shoppers the segment holds now, and the email as
// a placeholder recipient would get it. Never a real recipient: the first one's name and live unsubscribe token were
// on screen (issue 30 M1), and a narrow segment (one product, one day) with an exact small count names who viewed
// or bought what. Below the threshold the count is withheld; the send itself still reaches everyone.

export const PREVIEW_COUNT_THRESHOLD = 10;

const PLACEHOLDER = { userId: 'preview', name: 'Alex Example' };

export type CampaignPreview = {
  /** The exact count from the threshold up; null below it ("fewer than 10"). */
  recipients: number | null;
  recipientsLabel: string;
  email: RenderedEmail & { headers: { name: string; value: string }[] };
};

export function recipientsLabel(count: number): { recipients: number | null; recipientsLabel: string } {
  if (count < PREVIEW_COUNT_THRESHOLD) return { recipients: null, recipientsLabel: `fewer than ${PREVIEW_COUNT_THRESHOLD} consenting shoppers` };
  return { recipients: count, recipientsLabel: `${count} consenting shoppers` };
}

export async function previewCampaign(input: CampaignInput): Promise<CampaignPreview> {
  let count = 0;
  for await (const _ of segmentRecipients(input.segment)) count++;
  // A link that shows where the real one goes but carries no token: it unsubscribes nobody.
  const link = `${new URL('/api/unsubscribe', getConfig().SITE_URL)}?u=…&t=…`;
  const { render, headers } = campaignEmail(input, PLACEHOLDER, await campaignExtras(input.segment), link);
  return { ...recipientsLabel(count), email: { ...(await render()), headers } };
}
