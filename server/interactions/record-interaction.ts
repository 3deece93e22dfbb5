import { PutEventsCommand } from '@aws-sdk/client-personalize-events';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc, personalizeEventsClient } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import { tableName } from '../platform/db/tables';
import { logger } from '../platform/observability';
import { withBudget } from '../platform/resilience';

// Shopper interactions (product views, add-to-cart, purchases), kept in the `events` table so a Personalize
// dataset can be (re)trained from them, and streamed to a Personalize event tracker when one is configured.
// Recording is best effort: it never fails or slows the request that caused it (callers run it after the
// response), and a failure is logged once per kind by the budget helper.

export type InteractionType = 'view' | 'add-to-cart' | 'purchase';
export type Interaction = {
  type: InteractionType;
  productId: string;
  /** The verified user id, or the anonymous bucketing id (sf_anon) for a shopper who is not signed in. */
  actor: { userId: string } | { anonId: string };
  at?: Date;
};

/** Interactions older than this carry no signal for recommendations; DynamoDB TTL reaps them. */
const RETENTION_SECONDS = 180 * 24 * 3600;

/** Personalize's event types for the ECOMMERCE domain. */
const PERSONALIZE_EVENT_TYPE: Record<InteractionType, string> = { view: 'View', 'add-to-cart': 'AddToCart', purchase: 'Purchase' };

export function actorKey(actor: Interaction['actor']): string {
  return 'userId' in actor ? `user#${actor.userId}` : `anon#${actor.anonId}`;
}

export async function recordInteraction(interaction: Interaction): Promise<void> {
  const at = interaction.at ?? new Date();
  const pk = actorKey(interaction.actor);
  await dynamoDoc().send(
    new PutCommand({
      TableName: tableName('events'),
      Item: {
        pk,
        sk: `${at.toISOString()}#${interaction.type}#${interaction.productId}`,
        type: interaction.type,
        productId: interaction.productId,
        at: at.toISOString(),
        expiresAt: Math.floor(at.getTime() / 1000) + RETENTION_SECONDS,
      },
    }),
  );

  const trackingId = getConfig().PERSONALIZE_EVENT_TRACKER_ID;
  if (!trackingId) return;
  const anonymous = !('userId' in interaction.actor);
  await withBudget(
    'personalize-events',
    (signal) =>
      personalizeEventsClient().send(
        new PutEventsCommand({
          trackingId,
          // Personalize keys a session by sessionId; the anonymous id doubles as one so views before sign-in count.
          sessionId: 'anonId' in interaction.actor ? interaction.actor.anonId : interaction.actor.userId,
          userId: anonymous ? undefined : (interaction.actor as { userId: string }).userId,
          eventList: [{ eventType: PERSONALIZE_EVENT_TYPE[interaction.type], itemId: interaction.productId, sentAt: at }],
        }),
        { abortSignal: signal },
      ),
    getConfig().AI_SERVICE_BUDGET_MS,
    () => undefined,
  );
}

/** Fire-and-forget form for request paths: logs instead of throwing. */
export function recordInteractionLater(interaction: Interaction): void {
  recordInteraction(interaction).catch((err: unknown) => {
    logger.warn('interaction not recorded', { type: interaction.type, err: String(err) });
  });
}
