import 'server-only';
import type { SettlingPaymentProvider } from './payment-types';
import { createSandboxProvider } from './sandbox-provider';

export { applyMovement, type LedgerMovement, ledgerEntryPut, type PaymentAmounts, type PaymentStatus, readLedger } from './ledger';
// Public entry of the payments domain. Only the sandbox ships; a real processor would be another
// PaymentProvider chosen here from configuration, and nothing outside this folder would change.
export type { PaymentProvider } from './payment-types';

let provider: SettlingPaymentProvider | undefined;

export function getPaymentProvider(): SettlingPaymentProvider {
  return (provider ??= createSandboxProvider());
}
