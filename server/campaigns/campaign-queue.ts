import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { sqsClient } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { errorText, logger } from '../platform/observability';
import { type SqsBatchResult, type SqsRecord, type SqsWorker, startSqsWorker } from '../platform/queue';
import { sendCampaign } from './send-campaign';

// A campaign is sent by its own function, never by the web request that pressed "Send" (ADR 0036): at
// CAMPAIGN_MAIL_PER_SECOND a few thousand recipients take longer than any web function may live, and work left in
// `after()` dies with the function's timeout. "Send" queues { campaignId }; the campaign function (sst.config.ts
// `CampaignSender`; on the local stack the same handler behind an in-process poller) runs the send until its time is
// nearly up, then queues its own continuation and returns. The per-recipient markers (send-campaign.ts) make a
// continuation, a redelivered message or two runs at once skip everyone already handled.

const log = logger.child({ component: 'campaign-queue' });

const campaignMessageSchema = z.object({ campaignId: z.string().min(1).max(100) });

/** The time a run leaves itself to queue its continuation and return, before the function's timeout. */
const STOP_BEFORE_TIMEOUT_MS = 30_000;
/** A run's length where no Lambda context tells the time left (the local poller): under the queue's visibility. */
const LOCAL_RUN_MS = 10 * 60_000;

/** The part of Lambda's context the handler reads. */
export type RemainingTime = { getRemainingTimeInMillis(): number };

async function enqueue(campaignId: string): Promise<void> {
  const QueueUrl = getConfig().CAMPAIGN_QUEUE_URL;
  if (!QueueUrl) throw new AppError('UNAVAILABLE', 'Campaign sending is not configured here (no CAMPAIGN_QUEUE_URL).');
  await sqsClient().send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ campaignId }) }));
}

/** "Send" (the admin route and its server action): queues the campaign's send, or its resumption. */
export async function requestCampaignSend(campaignId: string): Promise<void> {
  await enqueue(campaignId);
  log.info('campaign send queued', { campaignId });
}

/**
 * The campaign function: each message is one campaign to send, or to go on sending. A run that stops for time
 * queues the rest before it returns; a run that throws leaves its message to come back (and, after the queue's
 * maxReceiveCount, in the campaign dead-letter queue).
 */
export async function campaignQueueHandler(event: { Records: SqsRecord[] }, context?: RemainingTime): Promise<SqsBatchResult> {
  const batchItemFailures: SqsBatchResult['batchItemFailures'] = [];
  const started = Date.now();
  const timeLeft = () => (context ? context.getRemainingTimeInMillis() : LOCAL_RUN_MS - (Date.now() - started));
  for (const record of event.Records) {
    try {
      const parsed = campaignMessageSchema.safeParse(JSON.parse(record.body));
      if (!parsed.success) throw new Error(`not a campaign message: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const { campaignId } = parsed.data;
      const tally = await sendCampaign(campaignId, { shouldStop: () => timeLeft() < STOP_BEFORE_TIMEOUT_MS });
      if (!tally.finished) await enqueue(campaignId);
    } catch (err) {
      log.warn('campaign run failed; its message comes back', { messageId: record.messageId, err: errorText(err) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

/** The local stack's campaign sender (on AWS the queue's function); null when no campaign queue is configured. */
export function startCampaignWorker(): SqsWorker | null {
  const queueUrl = getConfig().CAMPAIGN_QUEUE_URL;
  return queueUrl ? startSqsWorker({ name: 'campaigns', queueUrl, handler: (event) => campaignQueueHandler(event) }) : null;
}
