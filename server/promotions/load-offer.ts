import { createHash } from 'node:crypto';
import type { Promotion } from './contract';
import { normaliseCode } from './price-with-promotions';
import { readCustomerUses, readOfferPromotions } from './promotion-store';

// What pricing needs to know about promotions for one cart: the automatic promotions, the entered code's
// promotion, and how often this customer already used that code. Read live (strongly consistent) on every cart
// read and checkout pass, like prices: a paused or used-up code must stop applying at once. No Scan: the
// promotions' index item names the automatic ones (promotion-store.ts).

export type PromotionOffer = { promotions: Promotion[]; code: string | null; customerUses: number | null };

export const NO_OFFER: PromotionOffer = { promotions: [], code: null, customerUses: null };

/**
 * `customerKey` null: the customer is not known yet (a guest's cart), so the per-customer limit waits for checkout.
 * Several keys (checkout: the email and the delivery address) are one customer: the most-used one counts.
 */
export async function loadOffer(input: { code: string | null; customerKey: string | readonly string[] | null }): Promise<PromotionOffer> {
  const code = input.code === null ? null : normaliseCode(input.code);
  const keys = input.customerKey === null ? [] : typeof input.customerKey === 'string' ? [input.customerKey] : input.customerKey;
  const [promotions, customerUses] = await Promise.all([
    readOfferPromotions(code),
    code !== null && keys.length > 0 ? Promise.all(keys.map((k) => readCustomerUses(code, k))).then((uses) => Math.max(...uses)) : Promise.resolve(null),
  ]);
  return { promotions, code, customerUses };
}

/**
 * The mailbox an address delivers to, as far as the shop can tell: lower-cased, a `+tag` dropped (every large
 * provider delivers me+1@ to me@), and for Gmail the dots too (they ignore them). `me+1@`, `m.e+2@gmail.com` … are
 * one customer for a once-per-customer code (issue 30 M4).
 */
export function mailboxOf(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0) return lower;
  let local = lower.slice(0, at).replace(/\+.*$/, '');
  let domain = lower.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replaceAll('.', '');
  return `${local || lower.slice(0, at)}@${domain}`;
}

/** Whom the per-customer limit counts: the order's mailbox when known (so guest and account share it), else the user id. */
export function customerKeyOf(customer: { email?: string | null; userId?: string | null }): string | null {
  const email = customer.email?.trim();
  if (email) return `email:${mailboxOf(email)}`;
  return customer.userId ? `user:${customer.userId}` : null;
}

/**
 * The delivery address as a second customer key: a new mailbox per order still ships to the same door. Hashed (the
 * table needs equality, not the address); case, spacing and punctuation do not make a new customer.
 */
export function deliveryKeyOf(address: { line1: string; postalCode: string; country: string }): string {
  const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const digest = createHash('sha256')
    .update(`${address.country}|${squash(address.postalCode)}|${squash(address.line1)}`)
    .digest('base64url');
  return `address:${digest.slice(0, 32)}`;
}
