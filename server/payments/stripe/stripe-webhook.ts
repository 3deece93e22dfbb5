import { PutCommand } from '@aws-sdk/lib-dynamodb';
import Stripe from 'stripe';
import { dynamoDoc } from '../../platform/aws/clients';
import { getConfig } from '../../platform/config';
import { isConditionalCheckFailure, tableName } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { logger } from '../../platform/observability';
import { readLedger } from '../ledger';

// Stripe's webhooks (docs/payments.md, "Webhooks"): the signature is checked with Stripe's scheme (HMAC-SHA256 of
// `<timestamp>.<raw body>` under the endpoint's signing secret, at most five minutes old), each event is handled
// once (its id is recorded in the idempotency table with attribute_not_exists; Stripe delivers at least once), and
// the event is reconciled with the ledger: the ledger is written by the order's own transitions (capture at shipment,
// refunds), so a webhook never moves money or writes a movement; it confirms that the processor and the ledger
// agree, and logs a warning for operations when they do not (a capture or refund made in Stripe's dashboard).

const TOLERANCE_SECONDS = 300;
const SEEN_FOR_SECONDS = 30 * 24 * 3600;

export type WebhookOutcome = { duplicate: boolean; outcome: 'matched' | 'mismatch' | 'ignored' };

function verify(rawBody: string, signature: string | null): Stripe.Event {
  const secret = getConfig().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError('NOT_FOUND', 'Stripe webhooks are not configured here.');
  if (!signature) throw new AppError('BAD_REQUEST', 'The Stripe-Signature header is missing.');
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret, TOLERANCE_SECONDS);
  } catch {
    // A tampered body, another secret, or a timestamp outside the tolerance (a replay): all the same answer.
    throw new AppError('BAD_REQUEST', 'The webhook signature is not valid.');
  }
}

async function firstDelivery(eventId: string): Promise<boolean> {
  try {
    await dynamoDoc().send(
      new PutCommand({
        TableName: tableName('idempotency'),
        Item: { key: `stripe-webhook#${eventId}`, createdAt: new Date().toISOString(), expiresAt: Math.floor(Date.now() / 1000) + SEEN_FOR_SECONDS },
        ConditionExpression: 'attribute_not_exists(#k)',
        ExpressionAttributeNames: { '#k': 'key' },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionalCheckFailure(err)) return false;
    throw err;
  }
}

async function reconcile(event: Stripe.Event): Promise<WebhookOutcome['outcome']> {
  let orderId: string | undefined;
  let processor: number;
  let kind: 'capture' | 'refund';
  if (event.type === 'payment_intent.succeeded') {
    const pi = event.data.object;
    orderId = pi.metadata?.reference;
    processor = pi.amount_received;
    kind = 'capture';
  } else if (event.type === 'charge.refunded') {
    const charge = event.data.object;
    orderId = charge.metadata?.reference;
    processor = charge.amount_refunded;
    kind = 'refund';
  } else {
    return 'ignored';
  }
  const ledger = orderId ? await readLedger(orderId) : [];
  const recorded = ledger.filter((e) => e.kind === kind).reduce((sum, e) => sum + e.amount.amount, 0);
  if (recorded === processor) return 'matched';
  logger.warn('stripe webhook disagrees with the payment ledger', { eventId: event.id, type: event.type, orderId, processor, ledger: recorded });
  return 'mismatch';
}

export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  const event = verify(rawBody, signature);
  if (!(await firstDelivery(event.id))) return { duplicate: true, outcome: 'ignored' };
  return { duplicate: false, outcome: await reconcile(event) };
}
