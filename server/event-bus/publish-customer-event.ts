import { randomUUID } from 'node:crypto';
import { PublishCommand } from '@aws-sdk/client-sns';
import { snsClient } from '../aws/clients';
import { getConfig } from '../config';
import { withRetry } from '../db';
import { errorText, logger } from '../observability';
import type { CustomerEvent, CustomerEventEnvelope } from './customer-events';

// The one publisher of customer events: one SNS topic, the event type as the `type` message attribute, so each
// consumer's subscription filters on it (sst.config.ts; ADR 0009, SNS rather than EventBridge). Locally the same
// code talks to fauxqs's SNS. Callers publish after their own write has succeeded and only when it changed
// something, which is what makes it "once per change"; a publish that still fails after its retries is logged
// with the whole event (the change itself stands — see docs/privacy.md and the ADR for that trade).

const log = logger.child({ component: 'event-bus' });

export type PublishOutcome = { published: true; id: string } | { published: false; reason: 'not-configured' | 'failed' };

export async function publishCustomerEvent(event: CustomerEvent): Promise<PublishOutcome> {
  const topicArn = getConfig().CUSTOMER_EVENTS_TOPIC_ARN;
  if (!topicArn) {
    log.warn('customer event not published: CUSTOMER_EVENTS_TOPIC_ARN is not set', { type: event.type });
    return { published: false, reason: 'not-configured' };
  }
  const envelope: CustomerEventEnvelope = { ...event, id: randomUUID(), version: 1, occurredAt: new Date().toISOString() };
  try {
    await withRetry(
      () =>
        snsClient().send(
          new PublishCommand({
            TopicArn: topicArn,
            Message: JSON.stringify(envelope),
            MessageAttributes: { type: { DataType: 'String', StringValue: event.type } },
          }),
        ),
      { attempts: 3, baseDelayMs: 100, maxDelayMs: 500, retryOn: () => true },
    );
    return { published: true, id: envelope.id };
  } catch (err) {
    log.error('customer event not published after retries', { event: envelope, err: errorText(err) });
    return { published: false, reason: 'failed' };
  }
}
