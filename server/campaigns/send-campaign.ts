import { getMarketingConsent } from '../account';
import { sendEmailOnce } from '../notifications';
import { getConfig } from '../platform/config';
import { sleep } from '../platform/db';
import { AppError } from '../platform/errors';
import { logger } from '../platform/observability';
import { campaignEmail, campaignExtras } from './campaign-email';
import type { Recipient } from './campaign-model';
import { countOutcome, markSending, markSent, readCampaign } from './campaign-store';
import { segmentRecipients } from './segment-recipients';

// Sends a campaign: each recipient at most once, resumable. The per-recipient marker (notifications table,
// `campaign#<id>` / `recipient#<userId>`) is claimed before the SES call, so running the sender again after a
// crash — or twice at once — skips everyone already handled and sends to the rest. A crash between a claim and its
// SES call loses that one email rather than ever sending two. Consent is read again, strongly consistent, just
// before each send: the audience index may lag a withdrawal by a moment.

const log = logger.child({ component: 'campaigns' });

export type SendHooks = {
  beforeSend?: (recipient: Recipient, index: number) => void | Promise<void>;
  /**
   * Asked before each recipient: true stops this run there, unfinished (the campaign function's time is nearly up;
   * campaign-queue.ts queues the rest). The campaign stays SENDING until a run reaches the end.
   */
  shouldStop?: () => boolean;
};

export type SendTally = { sent: number; alreadySent: number; skipped: number; failed: number; finished: boolean };

export async function sendCampaign(id: string, hooks: SendHooks = {}): Promise<SendTally> {
  const campaign = await readCampaign(id);
  if (!campaign) throw new AppError('NOT_FOUND', `There is no campaign "${id}".`);
  // The audience as of this run: a shopper who consents later joins a resumed run; one who withdrew is skipped.
  const recipients: Recipient[] = [];
  for await (const r of segmentRecipients(campaign.segment)) recipients.push(r);
  await markSending(id, recipients.length);
  const extras = await campaignExtras(campaign.segment);
  const tally: SendTally = { sent: 0, alreadySent: 0, skipped: 0, failed: 0, finished: false };
  for (const [i, recipient] of recipients.entries()) {
    if (hooks.shouldStop?.()) {
      log.info('campaign run stopped before the end; the rest follows', { campaignId: id, ...tally, left: recipients.length - i });
      return tally;
    }
    await hooks.beforeSend?.(recipient, i);
    if (!(await getMarketingConsent(recipient.userId)).granted) {
      tally.skipped++;
      continue;
    }
    const { render, headers } = campaignEmail(campaign, recipient, extras);
    // Campaign mail's own lane: sent by this run, paced at CAMPAIGN_MAIL_PER_SECOND (well under SES's rate), never
    // through the mail queue, so a big campaign cannot delay a single order's mail.
    const outcome = await sendEmailOnce({ subject: `campaign#${id}`, event: `recipient#${recipient.userId}` }, recipient.email, render, headers, {
      inline: true,
    });
    if (outcome === 'sent') {
      tally.sent++;
      await countOutcome(id, 'sent');
      if (i < recipients.length - 1) await sleep(1_000 / getConfig().CAMPAIGN_MAIL_PER_SECOND);
    } else if (outcome === 'already-sent') tally.alreadySent++;
    else if (outcome === 'failed') {
      tally.failed++;
      await countOutcome(id, 'failed');
    }
  }
  await markSent(id);
  tally.finished = true;
  log.info('campaign send finished', { campaignId: id, ...tally });
  return tally;
}
