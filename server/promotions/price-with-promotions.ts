import { type Currency, type Money, money, percentOf } from '../platform/money';
import type { AppliedDiscount, DiscountRefusal, Promotion } from './contract';

// The one pricing function for promotions: pure, so the table in price-with-promotions.unit.test.ts is the
// specification. docs/promotions.md states the rules with worked examples:
//
//   stacking   1. of the automatic merchandise promotions (percent, amount) in force, the ONE giving the most
//                 applies (a tie goes to the code that sorts first);
//              2. an automatic free-shipping promotion covering the chosen method applies as well;
//              3. then the ONE entered code, on the line amounts left after step 1.
//   rounding   percent: per line, round half up of (line amount left × percent / 100);
//              amount:  capped at the eligible amount left, split over the eligible lines in proportion to their
//                       amounts, each share rounded down, the cents left over given one each to the lines with the
//                       largest remainders (first line first on a tie), so the shares add up exactly.
//   shipping   the method's price comes from the merchandise after discounts (the free-standard threshold counts
//              what is paid); free shipping takes that price off for the methods it names only.
//   tax        basis points on the merchandise after discounts, rounded half up once; shipping is not taxed.
//   total      subtotal − discount + shipping + tax, where discount = merchandise + shipping taken off.

export type PricingLine = { lineId: string; category: string; amount: Money };

export type PricingInput = {
  lines: PricingLine[];
  /** The automatic promotions to consider and, when a code was entered and exists, its promotion. */
  promotions: Promotion[];
  /** The entered code (any case), or null. */
  code: string | null;
  /** Orders this customer already placed with the entered code; null when the customer is not known yet. */
  customerUses: number | null;
  /** The chosen method and its price for the merchandise after discounts; null in the cart (no method yet). */
  shipping: { methodId: string; priceFor: (merchandise: Money) => Money } | null;
  /** Null while the address does not say (the cart, a quote without a region): no tax and no total then. */
  taxRateBasisPoints: number | null;
  now: Date;
};

export type PricedPromotions = {
  discounts: AppliedDiscount[];
  /** Promotions whose redemption checkout counts (every applied one, with its version as priced). */
  applied: Promotion[];
  /** Line id → merchandise discount on that line (minor units), both steps together. */
  lineDiscounts: Record<string, number>;
  codeIssue: { code: string; reason: DiscountRefusal } | null;
  subtotal: Money;
  merchandiseDiscount: Money;
  shipping: Money | null;
  shippingDiscount: Money;
  /** merchandiseDiscount + shippingDiscount. */
  discountTotal: Money;
  tax: Money | null;
  total: Money | null;
};

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

/** In its window and switched on (limits aside). */
function refusalByTime(p: Promotion, now: Date): DiscountRefusal | null {
  if (!p.active) return 'expired'; // paused: to a shopper it has ended (docs/promotions.md)
  if (p.endsAt && now.getTime() >= Date.parse(p.endsAt)) return 'expired';
  if (p.startsAt && now.getTime() < Date.parse(p.startsAt)) return 'not-started';
  return null;
}

const eligible = (p: Promotion, line: PricingLine) => p.categories === null || p.categories.includes(line.category);

/** Why this promotion cannot apply to these lines, or null. The order of checks is the order of the reasons. */
export function promotionRefusal(
  p: Promotion | undefined,
  ctx: { lines: PricingLine[]; subtotal: Money; customerUses: number | null; now: Date },
): DiscountRefusal | null {
  if (!p) return 'unknown';
  const byTime = refusalByTime(p, ctx.now);
  if (byTime) return byTime;
  if (p.usageLimit !== null && p.redemptions >= p.usageLimit) return 'exhausted';
  if (p.perCustomerLimit !== null && ctx.customerUses !== null && ctx.customerUses >= p.perCustomerLimit) return 'already-used';
  if (p.minSubtotal && ctx.subtotal.amount < p.minSubtotal.amount) return 'min-subtotal';
  if (!ctx.lines.some((l) => l.amount.amount > 0 && eligible(p, l))) return 'not-applicable';
  return null;
}

/** Per-line merchandise discount of a percent or amount promotion on what is left of each line. */
function lineShares(p: Promotion, lines: PricingLine[], left: Record<string, number>): Record<string, number> {
  const targets = lines.filter((l) => eligible(p, l) && (left[l.lineId] ?? 0) > 0);
  const shares: Record<string, number> = {};
  if (p.kind === 'percent') {
    for (const l of targets) {
      const rest = left[l.lineId] ?? 0;
      shares[l.lineId] = Math.min(rest, Math.round((rest * p.value) / 100));
    }
    return shares;
  }
  if (p.kind !== 'amount') return shares;
  const pool = targets.reduce((n, l) => n + (left[l.lineId] ?? 0), 0);
  const amount = Math.min(p.value, pool);
  if (amount === 0) return shares;
  const remainders: { lineId: string; remainder: number; index: number }[] = [];
  let given = 0;
  targets.forEach((l, index) => {
    const rest = left[l.lineId] ?? 0;
    const exact = amount * rest; // integer: both are whole minor units
    const share = Math.floor(exact / pool);
    shares[l.lineId] = share;
    given += share;
    remainders.push({ lineId: l.lineId, remainder: exact % pool, index });
  });
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; given < amount; i++, given++) {
    const r = remainders[i % remainders.length]!;
    shares[r.lineId] = (shares[r.lineId] ?? 0) + 1;
  }
  return shares;
}

const total = (shares: Record<string, number>) => Object.values(shares).reduce((n, v) => n + v, 0);

const coversMethod = (p: Promotion, methodId: string | undefined) =>
  methodId === undefined || p.shippingMethods === null || p.shippingMethods.includes(methodId);

export function priceWithPromotions(input: PricingInput): PricedPromotions {
  const currency: Currency = input.lines[0]?.amount.currency ?? 'USD';
  const m = (amount: number) => money(amount, currency);
  const subtotal = m(input.lines.reduce((n, l) => n + l.amount.amount, 0));
  const ctx = { lines: input.lines, subtotal, now: input.now };
  const left: Record<string, number> = Object.fromEntries(input.lines.map((l) => [l.lineId, l.amount.amount]));
  const lineDiscounts: Record<string, number> = Object.fromEntries(input.lines.map((l) => [l.lineId, 0]));
  const picked: { promotion: Promotion; merchandise: number }[] = [];
  const takeOff = (shares: Record<string, number>) => {
    for (const [lineId, amount] of Object.entries(shares)) {
      left[lineId] = (left[lineId] ?? 0) - amount;
      lineDiscounts[lineId] = (lineDiscounts[lineId] ?? 0) + amount;
    }
  };

  const automatic = input.promotions
    .filter((p) => p.automatic && promotionRefusal(p, { ...ctx, customerUses: null }) === null)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // Step 1: the best automatic merchandise promotion.
  let best: { promotion: Promotion; shares: Record<string, number> } | null = null;
  for (const p of automatic) {
    if (p.kind === 'free-shipping') continue;
    const shares = lineShares(p, input.lines, left);
    if (total(shares) > 0 && (!best || total(shares) > total(best.shares))) best = { promotion: p, shares };
  }
  if (best) {
    takeOff(best.shares);
    picked.push({ promotion: best.promotion, merchandise: total(best.shares) });
  }
  // Step 2: automatic free shipping for the chosen method (in the cart, with no method yet, the first in force).
  const methodId = input.shipping?.methodId;
  const autoShipping = automatic.find((p) => p.kind === 'free-shipping' && coversMethod(p, methodId));
  const freeShipping: Promotion[] = [];
  if (autoShipping) {
    freeShipping.push(autoShipping);
    picked.push({ promotion: autoShipping, merchandise: 0 });
  }

  // Step 3: the entered code.
  let codeIssue: PricedPromotions['codeIssue'] = null;
  if (input.code !== null) {
    const code = normaliseCode(input.code);
    const promotion = input.promotions.find((p) => p.code === code && !p.automatic);
    const reason = promotionRefusal(promotion, { ...ctx, customerUses: input.customerUses });
    if (reason || !promotion) codeIssue = { code, reason: reason ?? 'unknown' };
    else if (promotion.kind === 'free-shipping') {
      freeShipping.push(promotion);
      picked.push({ promotion, merchandise: 0 });
    } else {
      const shares = lineShares(promotion, input.lines, left);
      takeOff(shares);
      picked.push({ promotion, merchandise: total(shares) });
    }
  }

  const merchandiseDiscount = m(picked.reduce((n, p) => n + p.merchandise, 0));
  const merchandise = m(subtotal.amount - merchandiseDiscount.amount);
  const shipping = input.shipping ? input.shipping.priceFor(merchandise) : null;
  // Free shipping takes off what shipping costs, once: the first promotion covering the method takes it all.
  let shippingLeft = shipping?.amount ?? 0;
  const shippingOff = new Map<string, number>();
  for (const p of freeShipping) {
    const off = shipping && coversMethod(p, methodId) ? shippingLeft : 0;
    shippingOff.set(p.code, off);
    shippingLeft -= off;
  }
  const shippingDiscount = m((shipping?.amount ?? 0) - shippingLeft);
  const discounts: AppliedDiscount[] = picked.map(({ promotion, merchandise: off }) => {
    const ship = shippingOff.get(promotion.code) ?? 0;
    return {
      code: promotion.code,
      description: promotion.description,
      kind: promotion.kind,
      automatic: promotion.automatic,
      amount: m(off + ship),
      shipping: m(ship),
    };
  });
  const tax = input.taxRateBasisPoints === null ? null : percentOf(merchandise, input.taxRateBasisPoints);
  const totalDue = tax === null || shipping === null ? null : m(merchandise.amount + shipping.amount - shippingDiscount.amount + tax.amount);
  return {
    discounts,
    applied: picked.map((p) => p.promotion),
    lineDiscounts,
    codeIssue,
    subtotal,
    merchandiseDiscount,
    shipping,
    shippingDiscount,
    discountTotal: m(merchandiseDiscount.amount + shippingDiscount.amount),
    tax,
    total: totalDue,
  };
}
