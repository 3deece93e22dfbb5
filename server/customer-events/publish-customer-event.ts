import { PublishCommand } from '@aws-sdk/client-sns';
import { snsClient } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import { withRetry } from '../platform/db';
import { errorText, logger } from '../platform/observability';
import type { CustomerEventEnvelope } from './customer-events';

// The one sender of customer events to SNS: one topic, the event type as the `type` message attribute, so each
// consumer's subscription filters on it (sst.config.ts; ADR 0009, SNS rather than EventBridge). Locally the same
// code talks to fauxqs's SNS. Only the outbox calls it (./outbox.ts): an event is recorded before it is sent, so a
// send that fails after its retries is left to the relay, never lost.

const log = logger.child({ component: 'event-bus' });

export type PublishOutcome = { published: true; id: string } | { published: false; reason: 'not-configured' | 'failed' };

export async function sendToTopic(envelope: CustomerEventEnvelope): Promise<PublishOutcome> {
  const topicArn = getConfig().CUSTOMER_EVENTS_TOPIC_ARN;
  if (!topicArn) {
    log.warn('customer event not published: CUSTOMER_EVENTS_TOPIC_ARN is not set', { type: envelope.type, id: envelope.id });
    return { published: false, reason: 'not-configured' };
  }
  try {
    await withRetry(
      () =>
        snsClient().send(
          new PublishCommand({
            TopicArn: topicArn,
            Message: JSON.stringify(envelope),
            MessageAttributes: { type: { DataType: 'String', StringValue: envelope.type } },
          }),
        ),
      { attempts: 3, baseDelayMs: 100, maxDelayMs: 500, retryOn: () => true },
    );
    return { published: true, id: envelope.id };
  } catch (err) {
    log.warn('customer event not published after retries; the outbox relay sends it later', { type: envelope.type, id: envelope.id, err: errorText(err) });
    return { published: false, reason: 'failed' };
  }
}
