import { randomUUID } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import { isConditionalCheckFailure, queryPages, type TransactItem, tableName } from '../platform/db';
import { OUTBOX_INDEXES } from '../platform/db/tables';
import { errorText, logger } from '../platform/observability';
import type { CustomerEvent, CustomerEventEnvelope } from './customer-events';
import { type PublishOutcome, sendToTopic } from './publish-customer-event';

// The customer-event outbox (ADR 0009). A change that others must hear about writes its event into the `outbox`
// table in the same DynamoDB transaction as the change itself (customerEventEntry → the writer's TransactWrite),
// then publishes it (publishCommitted) and marks it published. A process killed between the commit and the publish,
// or SNS failing past its retries, leaves the entry pending; the relay (relayOutbox) publishes pending entries whose
// claim has run out. Who may publish an entry is decided by one conditional field, `claimUntil` (ms): the writer owns
// its entry for CLAIM_MS from the commit, and the relay takes an entry over only with a conditional update once that
// has passed — so the writer and the relay, or two relays, never publish the same entry in the same window. The
// envelope (and its id) is fixed when the entry is written: a publish repeated after a crash between the send and
// the mark carries the same id, which is what consumers de-duplicate by (SNS standard topics deliver at least once).

const log = logger.child({ component: 'event-bus' });

const PENDING = 'pending';
/** How long the writer (or a relay that claimed an entry) owns it: its publish, with retries, takes far less. */
export const CLAIM_MS = 30_000;
/** Published entries stay this long (TTL), for a look at what went out. */
const KEEP_PUBLISHED_SECONDS = 7 * 24 * 60 * 60;

export type OutboxEntry = { envelope: CustomerEventEnvelope; item: TransactItem };

/** The event's envelope (id and time fixed now) and the Put that records it, for the writer's transaction. */
export function customerEventEntry(event: CustomerEvent, now = new Date()): OutboxEntry {
  const envelope = { ...event, id: randomUUID(), version: 1, occurredAt: now.toISOString() } as CustomerEventEnvelope;
  return {
    envelope,
    item: {
      Put: {
        TableName: tableName('outbox'),
        Item: { eventId: envelope.id, type: envelope.type, message: JSON.stringify(envelope), pending: PENDING, claimUntil: now.getTime() + CLAIM_MS },
        ConditionExpression: 'attribute_not_exists(eventId)',
      },
    },
  };
}

async function markPublished(eventId: string): Promise<void> {
  try {
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('outbox'),
        Key: { eventId },
        UpdateExpression: 'SET publishedAt = :at, expiresAt = :exp REMOVE pending, claimUntil',
        ConditionExpression: 'attribute_exists(eventId)',
        ExpressionAttributeValues: { ':at': new Date().toISOString(), ':exp': Math.floor(Date.now() / 1000) + KEEP_PUBLISHED_SECONDS },
      }),
    );
  } catch (err) {
    if (isConditionalCheckFailure(err)) return;
    // Published but not marked: the relay sends it once more after the claim runs out (same id; consumers drop it).
    log.warn('outbox entry published but not marked', { eventId, err: errorText(err) });
  }
}

/** After the writer's transaction committed: publish the entry and mark it. Never throws (the relay is the fallback). */
export async function publishCommitted(envelope: CustomerEventEnvelope): Promise<PublishOutcome> {
  const outcome = await sendToTopic(envelope);
  if (outcome.published) await markPublished(envelope.id);
  return outcome;
}

/** For an event whose change lives outside DynamoDB (a Cognito sign-up): the entry alone, then the publish. */
export async function recordCustomerEvent(event: CustomerEvent): Promise<PublishOutcome> {
  const { envelope, item } = customerEventEntry(event);
  await dynamoDoc().send(new PutCommand(item.Put!));
  return publishCommitted(envelope);
}

/** Takes an entry over for CLAIM_MS; false when someone else holds it or it is published already. */
async function claim(eventId: string, now: number): Promise<boolean> {
  try {
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('outbox'),
        Key: { eventId },
        UpdateExpression: 'SET claimUntil = :until',
        ConditionExpression: 'attribute_exists(pending) AND claimUntil < :now',
        ExpressionAttributeValues: { ':until': now + CLAIM_MS, ':now': now },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionalCheckFailure(err)) return false;
    throw err;
  }
}

export type RelayResult = { published: string[]; failed: string[] };

/**
 * Publishes every pending entry whose claim has run out (the writer crashed, or SNS refused it), each after taking it
 * over. `now` is injectable for tests (a crash's entry is stranded until its claim runs out).
 */
export async function relayOutbox(opts: { now?: number; limit?: number } = {}): Promise<RelayResult> {
  const result: RelayResult = { published: [], failed: [] };
  if (!getConfig().CUSTOMER_EVENTS_TOPIC_ARN) return result;
  const now = opts.now ?? Date.now();
  for await (const page of queryPages({
    TableName: tableName('outbox'),
    IndexName: OUTBOX_INDEXES.pending,
    KeyConditionExpression: 'pending = :p AND claimUntil < :now',
    ExpressionAttributeValues: { ':p': PENDING, ':now': now },
    Limit: opts.limit ?? 100,
  })) {
    for (const item of page.Items ?? []) {
      const eventId = String(item.eventId);
      // The index is eventually consistent; the claim reads the item itself.
      if (!(await claim(eventId, now))) continue;
      const outcome = await publishCommitted(JSON.parse(String(item.message)) as CustomerEventEnvelope);
      (outcome.published ? result.published : result.failed).push(eventId);
    }
  }
  if (result.published.length || result.failed.length) log.info('outbox relayed', { published: result.published.length, failed: result.failed.length });
  return result;
}
