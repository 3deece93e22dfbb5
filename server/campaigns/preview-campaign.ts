import type { RenderedEmail } from '../notifications';
import { campaignEmail } from './campaign-email';
import type { CampaignInput } from './campaign-model';
import { segmentRecipients } from './segment-recipients';

// What a marketer sees before sending: how many consenting shoppers the segment holds now, and the email as the
// first of them would get it (a placeholder recipient when the segment is empty).

export async function previewCampaign(
  input: CampaignInput,
): Promise<{ recipients: number; email: RenderedEmail & { headers: { name: string; value: string }[] } }> {
  let count = 0;
  let first: { userId: string; name: string } | null = null;
  for await (const r of segmentRecipients(input.segment)) {
    count++;
    first ??= r;
  }
  const { mail, headers } = campaignEmail(input, first ?? { userId: 'preview', name: '' });
  return { recipients: count, email: { ...mail, headers } };
}
