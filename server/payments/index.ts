import 'server-only';
import { createSandboxProvider } from './sandbox-provider';
import type { SettlingPaymentProvider } from './payment-types';

// Public entry of the payments domain. Only the sandbox ships; a real processor would be another
// PaymentProvider chosen here from configuration, and nothing outside this folder would change.
export type { PaymentProvider, SettlingPaymentProvider, AuthorizationResult, CardInput, CardBrand, DeclineReason } from './payment-types';
export { CARD_BRAND_LABELS } from './card-brand';
export { applyMovement, ledgerEntryPut, readLedger, type LedgerEntry, type LedgerMovement, type PaymentAmounts, type PaymentStatus } from './ledger';

let provider: SettlingPaymentProvider | undefined;

export function getPaymentProvider(): SettlingPaymentProvider {
  return (provider ??= createSandboxProvider());
}
