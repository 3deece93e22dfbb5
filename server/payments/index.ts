import 'server-only';
import { getConfig } from '../platform/config';
import type { SettlingPaymentProvider } from './contract';
import { createSandboxProvider } from './sandbox-provider';
import { stripeClient } from './stripe/stripe-client';
import { createStripeProvider } from './stripe/stripe-provider';

export { containsCardNumber } from './card-data';
// Public entry of the payments domain: the processor chosen by PAYMENT_PROVIDER behind the PaymentProvider port.
// Nothing outside this folder knows which processor runs (docs/payments.md, "Switching processors").
export type { AuthorizationResult, PaymentProvider, ProcessorRiskLevel } from './contract';
export { applyMovement, type LedgerMovement, ledgerEntryPut, type PaymentAmounts, type PaymentStatus, readLedger } from './ledger';
export { handleStripeWebhook } from './stripe/stripe-webhook';

let provider: SettlingPaymentProvider | undefined;

/**
 * The origin the browser sends the card to (the checkout page's card fields, and the only extra `connect-src` of the
 * checkout page's CSP). The sandbox's own server locally; with Stripe, its API (Stripe.js and Elements would
 * tokenise there).
 */
export { paymentFieldsOrigin } from '../platform/config/payment-fields-origin';

export function getPaymentProvider(): SettlingPaymentProvider {
  if (provider) return provider;
  const config = getConfig();
  if (config.PAYMENT_PROVIDER === 'stripe') {
    if (!config.STRIPE_SECRET_KEY) throw new Error('PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY (the StripeSecretKey SST secret)');
    provider = createStripeProvider(
      stripeClient({ secretKey: config.STRIPE_SECRET_KEY, apiUrl: config.STRIPE_API_URL, timeoutMs: config.PAYMENTS_TIMEOUT_MS }),
    );
    return provider;
  }
  if (!config.PAYMENTS_SANDBOX_SECRET_KEY) throw new Error('PAYMENTS_SANDBOX_SECRET_KEY is not set: the sandbox processor runs with the local stack');
  provider = createSandboxProvider({ url: config.PAYMENTS_SANDBOX_URL, secretKey: config.PAYMENTS_SANDBOX_SECRET_KEY, timeoutMs: config.PAYMENTS_TIMEOUT_MS });
  return provider;
}
