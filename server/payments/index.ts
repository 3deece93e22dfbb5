import 'server-only';
import { createSandboxProvider } from './sandbox-provider';
import type { SettlingPaymentProvider } from './payment-types';

// Public entry of the payments domain. Only the sandbox ships; a real processor would be another
// PaymentProvider chosen here from configuration, and nothing outside this folder would change.
export type { PaymentProvider } from './payment-types';
export { applyMovement, ledgerEntryPut, readLedger, type LedgerMovement, type PaymentAmounts, type PaymentStatus } from './ledger';

let provider: SettlingPaymentProvider | undefined;

export function getPaymentProvider(): SettlingPaymentProvider {
  return (provider ??= createSandboxProvider());
}
