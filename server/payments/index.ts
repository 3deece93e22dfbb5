import 'server-only';
import { createSandboxProvider } from './sandbox-provider';
import type { PaymentProvider } from './payment-types';

// Public entry of the payments domain. Only the sandbox ships; a real processor would be another
// PaymentProvider chosen here from configuration, and nothing outside this folder would change.
export type { PaymentProvider, AuthorizationResult, CardInput, CardBrand, DeclineReason } from './payment-types';
export { CARD_BRAND_LABELS } from './card-brand';

let provider: PaymentProvider | undefined;

export function getPaymentProvider(): PaymentProvider {
  return (provider ??= createSandboxProvider());
}
