import type Stripe from 'stripe';
import { AppError } from '../../platform/errors';
import type { AuthorizationResult, DeclineReason, ProcessorRiskLevel, SettlingPaymentProvider } from '../contract';

// The PaymentProvider port on Stripe PaymentIntents with manual capture (docs/payments.md): authorise = create and
// confirm a PaymentIntent for the token (`capture_method: 'manual'` leaves it `requires_capture`: a hold), capture
// at shipment, cancel to void, Refunds for refunds. Every money-moving call carries our idempotency key.
//
// 3-D Secure: the first create answers `requires_action` with the issuer's URL. Stripe replays a key's first answer,
// so the same key after the challenge would replay `requires_action`; the adapter then reads the PaymentIntent as it
// is now (`requires_capture` after a pass, `requires_payment_method` after a fail).

const DECLINES: Record<string, DeclineReason> = {
  insufficient_funds: 'insufficient_funds',
  expired_card: 'expired_card',
  incorrect_cvc: 'incorrect_cvc',
  card_declined: 'card_declined',
};

/** Radar's `outcome.risk_level` on the charge: `normal`, `elevated`, `highest`, or `not_assessed` / `unknown`. */
export function riskLevelOf(charge: Stripe.Charge | null): ProcessorRiskLevel {
  const level = charge?.outcome?.risk_level;
  return level === 'normal' || level === 'elevated' || level === 'highest' ? level : 'unknown';
}

function fromIntent(pi: Stripe.PaymentIntent): AuthorizationResult {
  if (pi.status === 'requires_capture') {
    const charge = typeof pi.latest_charge === 'object' && pi.latest_charge ? pi.latest_charge : null;
    const card = charge?.payment_method_details?.card;
    return { approved: true, brand: card?.brand ?? 'unknown', last4: card?.last4 ?? '????', authorizationId: pi.id, risk: riskLevelOf(charge) };
  }
  if (pi.status === 'requires_action' && pi.next_action?.redirect_to_url?.url) {
    return {
      approved: false,
      reason: 'authentication_required',
      message: 'Your bank asks you to confirm this payment.',
      nextActionUrl: pi.next_action.redirect_to_url.url,
    };
  }
  if (pi.status === 'requires_payment_method' && pi.last_payment_error?.code === 'payment_intent_authentication_failure') {
    return { approved: false, reason: 'authentication_failed', message: 'The card issuer could not confirm it is you (3-D Secure failed).' };
  }
  return { approved: false, reason: 'card_declined', message: pi.last_payment_error?.message ?? 'The card was declined.' };
}

export function createStripeProvider(stripe: Stripe): SettlingPaymentProvider {
  const unavailable = (err: unknown): never => {
    if (err instanceof Error && (err as { type?: string }).type === 'StripeConnectionError') {
      throw new AppError('UNAVAILABLE', 'The payment processor is not answering. Please try again shortly; you have not been charged.');
    }
    throw err;
  };
  return {
    name: 'stripe',
    async authorize({ amount, token, reference, idempotencyKey, returnUrl }) {
      let pi: Stripe.PaymentIntent;
      try {
        pi = await stripe.paymentIntents.create(
          {
            amount: amount.amount,
            currency: amount.currency.toLowerCase(),
            capture_method: 'manual',
            confirm: true,
            // A card token as the payment method (the typings list only the non-card variants of payment_method_data).
            payment_method_data: { type: 'card', card: { token } } as unknown as Stripe.PaymentIntentCreateParams.PaymentMethodData,
            ...(returnUrl ? { return_url: returnUrl } : {}),
            metadata: { reference },
            expand: ['latest_charge'],
          },
          { idempotencyKey },
        );
      } catch (err) {
        if (err instanceof Error && (err as { type?: string }).type === 'StripeCardError') {
          const e = err as { code?: string; decline_code?: string; message: string };
          return { approved: false, reason: DECLINES[e.decline_code ?? ''] ?? DECLINES[e.code ?? ''] ?? 'card_declined', message: e.message };
        }
        return unavailable(err);
      }
      // A replayed requires_action may be stale: the shopper may have answered the challenge since.
      if (pi.status === 'requires_action') pi = await stripe.paymentIntents.retrieve(pi.id, { expand: ['latest_charge'] }).catch(unavailable);
      return fromIntent(pi);
    },
    async describeToken(token) {
      try {
        const t = await stripe.tokens.retrieve(token);
        const card = t.card;
        return card?.fingerprint ? { brand: card.brand.toLowerCase(), last4: card.last4, fingerprint: card.fingerprint } : null;
      } catch (err) {
        if ((err as { type?: string }).type === 'StripeInvalidRequestError') return null;
        return unavailable(err);
      }
    },
    async void(authorizationId) {
      try {
        await stripe.paymentIntents.cancel(authorizationId);
      } catch (err) {
        // Already cancelled: voiding is safe to repeat.
        if ((err as { payment_intent?: { status?: string } }).payment_intent?.status === 'canceled') return;
        unavailable(err);
      }
    },
    async capture({ authorizationId, amount, idempotencyKey }) {
      const pi = await stripe.paymentIntents.capture(authorizationId, { amount_to_capture: amount.amount }, { idempotencyKey }).catch(unavailable);
      return { captureId: typeof pi.latest_charge === 'string' ? pi.latest_charge : (pi.latest_charge?.id ?? pi.id) };
    },
    async refund({ authorizationId, amount, idempotencyKey }) {
      const refund = await stripe.refunds.create({ payment_intent: authorizationId, amount: amount.amount }, { idempotencyKey }).catch(unavailable);
      return { refundId: refund.id };
    },
  };
}
