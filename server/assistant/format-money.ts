import type { Money } from '../money';

/** "$79.99": the assistant speaks prices in sentences. */
export function formatMoney(m: Money): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(m.amount / 100);
}
