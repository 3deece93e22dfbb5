import { describe, expect, it } from 'vitest';
import { type Money, money } from '../platform/money';
import type { Promotion } from './contract';
import { type PricingInput, type PricingLine, priceWithPromotions } from './price-with-promotions';

// The pricing table of docs/promotions.md: kinds × limits × rounding × tax × shipping, and the stacking rule.
// Every expected number is worked out by hand in the comment beside it.

const NOW = new Date('2026-12-01T12:00:00Z');

function promo(overrides: Partial<Promotion> & Pick<Promotion, 'code'>): Promotion {
  return {
    description: `${overrides.code} promotion`,
    kind: 'percent',
    value: 10,
    minSubtotal: null,
    startsAt: null,
    endsAt: null,
    usageLimit: null,
    perCustomerLimit: null,
    categories: null,
    active: true,
    automatic: false,
    shippingMethods: null,
    redemptions: 0,
    version: 1,
    updatedBy: 'test',
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

const line = (lineId: string, category: string, amount: number): PricingLine => ({ lineId, category, amount: money(amount) });

// The checkout's rules, restated: standard $5.99, free from $75.00 of merchandise; express $14.99.
const standard = { methodId: 'standard', priceFor: (m: Money) => money(m.amount >= 7500 ? 0 : 599) };
const express = { methodId: 'express', priceFor: () => money(1499) };
const CA = 725;

const coffeeAndBook = [line('c', 'coffee', 1005), line('b', 'books', 2000)];

function price(input: Partial<PricingInput>) {
  return priceWithPromotions({
    lines: coffeeAndBook,
    promotions: [],
    code: null,
    customerUses: null,
    shipping: standard,
    taxRateBasisPoints: CA,
    now: NOW,
    ...input,
  });
}

type Row = {
  name: string;
  input: Partial<PricingInput>;
  lineDiscounts?: Record<string, number>;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  codes?: string[];
};

const table: Row[] = [
  {
    name: 'no promotion: tax on the subtotal',
    input: {},
    // 3005 × 7.25% = 217.86 → 218
    discount: 0,
    shipping: 599,
    tax: 218,
    total: 3005 + 599 + 218,
  },
  {
    name: 'percent on every line, rounded half up per line, tax on the discounted amount',
    input: { code: 'save10', promotions: [promo({ code: 'SAVE10' })] },
    // coffee 1005 × 10% = 100.5 → 101; book 200; merchandise 2704; tax 2704 × 7.25% = 196.04 → 196
    lineDiscounts: { c: 101, b: 200 },
    discount: 301,
    shipping: 599,
    tax: 196,
    total: 2704 + 599 + 196,
    codes: ['SAVE10'],
  },
  {
    name: 'percent limited to a category',
    input: { code: 'COFFEE', promotions: [promo({ code: 'COFFEE', categories: ['coffee'] })] },
    // 101 off coffee only; merchandise 2904; tax 210.54 → 211
    lineDiscounts: { c: 101, b: 0 },
    discount: 101,
    shipping: 599,
    tax: 211,
    total: 2904 + 599 + 211,
  },
  {
    name: 'percent rounds each line, not the sum',
    input: {
      lines: [line('x', 'coffee', 333), line('y', 'coffee', 333)],
      code: 'P15',
      promotions: [promo({ code: 'P15', value: 15 })],
      taxRateBasisPoints: 0,
    },
    // 333 × 15% = 49.95 → 50 per line = 100 (15% of 666 would round to 100 too, but from 99.9)
    lineDiscounts: { x: 50, y: 50 },
    discount: 100,
    shipping: 599,
    tax: 0,
    total: 566 + 599,
  },
  {
    name: '100 percent takes the whole line',
    input: { code: 'FREE', promotions: [promo({ code: 'FREE', value: 100, categories: ['books'] })] },
    // book 2000 off; merchandise 1005; tax 72.86 → 73
    lineDiscounts: { c: 0, b: 2000 },
    discount: 2000,
    shipping: 599,
    tax: 73,
    total: 1005 + 599 + 73,
  },
  {
    name: 'amount split in proportion, cents left over to the largest remainders',
    input: {
      lines: [line('a', 'coffee', 1000), line('b', 'coffee', 2000), line('c', 'coffee', 3001)],
      code: 'TENOFF',
      promotions: [promo({ code: 'TENOFF', kind: 'amount', value: 1000 })],
      taxRateBasisPoints: 0,
    },
    // 1000 × (1000, 2000, 3001) / 6001 = 166.64, 333.28, 500.08 → 166, 333, 500 (999); the cent left goes to a
    lineDiscounts: { a: 167, b: 333, c: 500 },
    discount: 1000,
    shipping: 599,
    tax: 0,
    total: 5001 + 599,
  },
  {
    name: 'amount capped at the eligible lines',
    input: { code: 'FIFTY', promotions: [promo({ code: 'FIFTY', kind: 'amount', value: 5000, categories: ['coffee'] })] },
    // only the coffee line (1005) is eligible: 1005 off; merchandise 2000; tax 145
    lineDiscounts: { c: 1005, b: 0 },
    discount: 1005,
    shipping: 599,
    tax: 145,
    total: 2000 + 599 + 145,
  },
  {
    name: 'amount tax: taxed on what is left',
    input: { code: 'FIVE', promotions: [promo({ code: 'FIVE', kind: 'amount', value: 500 })] },
    // 500 × 1005/3005 = 167.22 → 167, 500 × 2000/3005 = 332.78 → 332, leftover cent to b (.78 > .22) → 167 + 333
    // merchandise 2505; tax 181.61 → 182
    lineDiscounts: { c: 167, b: 333 },
    discount: 500,
    shipping: 599,
    tax: 182,
    total: 2505 + 599 + 182,
  },
  {
    name: 'free shipping for the method it names',
    input: { code: 'SHIPFREE', promotions: [promo({ code: 'SHIPFREE', kind: 'free-shipping', value: 0, shippingMethods: ['standard'] })] },
    // shipping 599 charged then taken off; tax unchanged (shipping is not taxed)
    discount: 599,
    shipping: 599,
    tax: 218,
    total: 3005 + 218,
  },
  {
    name: 'free shipping does not cover a method it does not name',
    input: {
      code: 'SHIPFREE',
      shipping: express,
      promotions: [promo({ code: 'SHIPFREE', kind: 'free-shipping', value: 0, shippingMethods: ['standard'] })],
    },
    discount: 0,
    shipping: 1499,
    tax: 218,
    total: 3005 + 1499 + 218,
    codes: ['SHIPFREE'],
  },
  {
    name: 'free shipping for every method when it names none',
    input: { code: 'SHIPFREE', shipping: express, promotions: [promo({ code: 'SHIPFREE', kind: 'free-shipping', value: 0 })] },
    discount: 1499,
    shipping: 1499,
    tax: 218,
    total: 3005 + 218,
  },
  {
    name: 'the free-standard threshold counts the merchandise after discounts',
    input: { lines: [line('x', 'books', 8000)], code: 'SAVE10', promotions: [promo({ code: 'SAVE10' })], taxRateBasisPoints: 0 },
    // 8000 − 800 = 7200 < 7500: standard costs 599 again
    discount: 800,
    shipping: 599,
    tax: 0,
    total: 7200 + 599,
  },
  {
    name: 'free shipping when standard is free already takes nothing',
    input: {
      lines: [line('x', 'books', 8000)],
      code: 'SHIPFREE',
      promotions: [promo({ code: 'SHIPFREE', kind: 'free-shipping', value: 0 })],
      taxRateBasisPoints: 0,
    },
    discount: 0,
    shipping: 0,
    tax: 0,
    total: 8000,
  },
  // Stacking
  {
    name: 'an automatic promotion applies without a code',
    input: { promotions: [promo({ code: 'AUTO-COFFEE', automatic: true, categories: ['coffee'] })] },
    discount: 101,
    shipping: 599,
    tax: 211,
    total: 2904 + 599 + 211,
    codes: ['AUTO-COFFEE'],
  },
  {
    name: 'of two automatic merchandise promotions only the larger applies',
    input: {
      promotions: [
        promo({ code: 'AUTO-COFFEE', automatic: true, categories: ['coffee'] }), // 101
        promo({ code: 'AUTO-TWO', automatic: true, kind: 'amount', value: 200 }), // 200
      ],
    },
    // merchandise 2805; tax 203.36 → 203
    discount: 200,
    shipping: 599,
    tax: 203,
    total: 2805 + 599 + 203,
    codes: ['AUTO-TWO'],
  },
  {
    name: 'a tie between automatic promotions goes to the code that sorts first',
    input: {
      promotions: [
        promo({ code: 'B-AUTO', automatic: true, kind: 'amount', value: 300 }),
        promo({ code: 'A-AUTO', automatic: true, kind: 'amount', value: 300 }),
      ],
    },
    discount: 300,
    shipping: 599,
    tax: 196,
    total: 2705 + 599 + 196,
    codes: ['A-AUTO'],
  },
  {
    name: 'the code applies on top, on what the automatic promotion left',
    input: {
      lines: [line('c', 'coffee', 2000)],
      code: 'SAVE10',
      promotions: [promo({ code: 'AUTO-COFFEE', automatic: true, categories: ['coffee'] }), promo({ code: 'SAVE10' })],
      taxRateBasisPoints: 0,
    },
    // automatic 200 (2000 → 1800), then the code 10% of 1800 = 180
    lineDiscounts: { c: 380 },
    discount: 380,
    shipping: 599,
    tax: 0,
    total: 1620 + 599,
    codes: ['AUTO-COFFEE', 'SAVE10'],
  },
  {
    name: 'automatic free shipping combines with a merchandise code',
    input: {
      code: 'SAVE10',
      promotions: [promo({ code: 'AUTO-SHIP', automatic: true, kind: 'free-shipping', value: 0, shippingMethods: ['standard'] }), promo({ code: 'SAVE10' })],
    },
    discount: 301 + 599,
    shipping: 599,
    tax: 196,
    total: 2704 + 196,
    codes: ['AUTO-SHIP', 'SAVE10'],
  },
  {
    name: 'automatic promotions out of their window, paused or used up do not apply',
    input: {
      promotions: [
        promo({ code: 'OLD', automatic: true, endsAt: '2026-11-30T00:00:00Z' }),
        promo({ code: 'SOON', automatic: true, startsAt: '2026-12-02T00:00:00Z' }),
        promo({ code: 'PAUSED', automatic: true, active: false }),
        promo({ code: 'GONE', automatic: true, usageLimit: 5, redemptions: 5 }),
      ],
    },
    discount: 0,
    shipping: 599,
    tax: 218,
    total: 3005 + 599 + 218,
    codes: [],
  },
];

describe('priceWithPromotions', () => {
  it.each(table)('$name', (row) => {
    const priced = price(row.input);
    expect(priced.discountTotal).toEqual(money(row.discount));
    expect(priced.shipping).toEqual(money(row.shipping));
    expect(priced.tax).toEqual(money(row.tax));
    expect(priced.total).toEqual(money(row.total));
    expect(priced.discounts.reduce((n, d) => n + d.amount.amount, 0)).toBe(row.discount);
    if (row.lineDiscounts) expect(priced.lineDiscounts).toEqual(row.lineDiscounts);
    if (row.codes) expect(priced.discounts.map((d) => d.code)).toEqual(row.codes);
    expect(priced.codeIssue).toBeNull();
  });
});

type Refusal = { name: string; promotion?: Partial<Promotion>; code?: string; customerUses?: number | null; reason: string };

const refusals: Refusal[] = [
  { name: 'a code nobody created', reason: 'unknown', code: 'NOPE' },
  { name: 'an automatic promotion typed as a code', promotion: { automatic: true, categories: ['toys'] }, reason: 'unknown' },
  { name: 'past its end', promotion: { endsAt: '2026-12-01T12:00:00Z' }, reason: 'expired' },
  { name: 'paused by a marketer', promotion: { active: false }, reason: 'expired' },
  { name: 'before its start', promotion: { startsAt: '2026-12-01T12:00:01Z' }, reason: 'not-started' },
  { name: 'every use taken', promotion: { usageLimit: 3, redemptions: 3 }, reason: 'exhausted' },
  { name: 'this customer used it up', promotion: { perCustomerLimit: 1 }, customerUses: 1, reason: 'already-used' },
  { name: 'below the minimum subtotal', promotion: { minSubtotal: money(3006) }, reason: 'min-subtotal' },
  { name: 'no line in its categories', promotion: { categories: ['toys'] }, reason: 'not-applicable' },
  { name: 'free shipping for no line in its categories', promotion: { kind: 'free-shipping', value: 0, categories: ['toys'] }, reason: 'not-applicable' },
];

describe('a code that does not apply', () => {
  it.each(refusals)('$name → $reason, and the order is priced without it', (r) => {
    const priced = price({
      code: r.code ?? 'CODE',
      customerUses: r.customerUses ?? 0,
      promotions: r.promotion ? [promo({ code: 'CODE', ...r.promotion })] : [],
    });
    expect(priced.codeIssue).toEqual({ code: r.code ?? 'CODE', reason: r.reason });
    expect(priced.discounts).toEqual([]);
    expect(priced.total).toEqual(money(3005 + 599 + 218));
  });

  it('applies at its start instant and up to just before its end', () => {
    const window = { startsAt: NOW.toISOString(), endsAt: new Date(NOW.getTime() + 1).toISOString() };
    expect(price({ code: 'CODE', promotions: [promo({ code: 'CODE', ...window })] }).discountTotal).toEqual(money(301));
  });

  it('applies at exactly the minimum subtotal, and below the usage limit', () => {
    const p = promo({ code: 'CODE', minSubtotal: money(3005), usageLimit: 3, redemptions: 2, perCustomerLimit: 2 });
    expect(price({ code: 'CODE', customerUses: 1, promotions: [p] }).codeIssue).toBeNull();
  });

  it('leaves the per-customer limit to checkout while the customer is unknown', () => {
    expect(price({ code: 'CODE', customerUses: null, promotions: [promo({ code: 'CODE', perCustomerLimit: 1 })] }).codeIssue).toBeNull();
  });
});

describe('in the cart (no shipping method, no address yet)', () => {
  it('shows the merchandise discount and leaves shipping, tax and total to checkout', () => {
    const priced = price({ shipping: null, taxRateBasisPoints: null, code: 'SAVE10', promotions: [promo({ code: 'SAVE10' })] });
    expect(priced).toMatchObject({ discountTotal: money(301), shipping: null, tax: null, total: null });
  });
  it('lists a free-shipping code at nothing off until a method is chosen', () => {
    const priced = price({ shipping: null, taxRateBasisPoints: null, code: 'SHIP', promotions: [promo({ code: 'SHIP', kind: 'free-shipping', value: 0 })] });
    expect(priced.discounts).toMatchObject([{ code: 'SHIP', amount: money(0) }]);
    expect(priced.codeIssue).toBeNull();
  });
});
