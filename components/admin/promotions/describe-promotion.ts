import { formatMoney, money } from '@/server/platform/money';
import type { Promotion } from '@/server/promotions';

// The admin list's words for a promotion: what it gives, when, how often, and whether it runs now. Pure.

export function describeOffer(p: Pick<Promotion, 'kind' | 'value' | 'categories' | 'shippingMethods'>): string {
  const on = p.categories ? ` on ${p.categories.join(', ')}` : '';
  if (p.kind === 'percent') return `${p.value}% off${on}`;
  if (p.kind === 'amount') return `${formatMoney(money(p.value))} off${on}`;
  return `Free shipping${p.shippingMethods ? ` (${p.shippingMethods.join(', ')})` : ''}${on}`;
}

export function describeLimits(p: Pick<Promotion, 'redemptions' | 'usageLimit' | 'perCustomerLimit' | 'minSubtotal'>): string {
  const parts = [p.usageLimit === null ? `${p.redemptions} used` : `${p.redemptions} of ${p.usageLimit} used`];
  if (p.perCustomerLimit !== null) parts.push(`${p.perCustomerLimit} per customer`);
  if (p.minSubtotal) parts.push(`from ${formatMoney(p.minSubtotal)}`);
  return parts.join(' · ');
}

/** Paused, Scheduled, Ended, Used up or Running — in that order of precedence. */
export function promotionStatus(p: Pick<Promotion, 'active' | 'startsAt' | 'endsAt' | 'usageLimit' | 'redemptions'>, now = new Date()): string {
  if (!p.active) return 'Paused';
  if (p.endsAt && now.getTime() >= Date.parse(p.endsAt)) return 'Ended';
  if (p.startsAt && now.getTime() < Date.parse(p.startsAt)) return 'Scheduled';
  if (p.usageLimit !== null && p.redemptions >= p.usageLimit) return 'Used up';
  return 'Running';
}

/**
 * The on/off action a promotion offers in its state: none once its end date has passed (pausing or resuming an
 * ended code changes nothing a shopper sees; editing its dates is the way back), otherwise Pause or Resume.
 */
export function toggleAction(p: Pick<Promotion, 'active' | 'endsAt'>, now = new Date()): 'Pause' | 'Resume' | null {
  if (p.endsAt && now.getTime() >= Date.parse(p.endsAt)) return null;
  return p.active ? 'Pause' : 'Resume';
}
