import { describe, expect, it } from 'vitest';
import { money } from '../platform/money';
import { computeTotals } from './compute-totals';
import { US_STATES } from './regions';
import { FREE_SHIPPING_THRESHOLD, shippingOptions } from './shipping-methods';
import { taxRateBasisPoints, US_STATE_TAX_BPS } from './tax-rates';

describe('shipping', () => {
  it('charges standard below the free-shipping threshold and nothing from it', () => {
    expect(shippingOptions(money(FREE_SHIPPING_THRESHOLD.amount - 1)).find((o) => o.id === 'standard')?.price).toEqual(money(599));
    expect(shippingOptions(FREE_SHIPPING_THRESHOLD).find((o) => o.id === 'standard')?.price).toEqual(money(0));
  });
  it('always charges express', () => {
    expect(shippingOptions(money(100_000)).find((o) => o.id === 'express')?.price).toEqual(money(1499));
  });
});

describe('tax', () => {
  it('has a rate for every state the address form offers', () => {
    expect(Object.keys(US_STATE_TAX_BPS).sort()).toEqual(Object.keys(US_STATES).sort());
  });
  it('uses the state rate in the US and the national rate elsewhere', () => {
    expect(taxRateBasisPoints({ country: 'US', region: 'CA' })).toBe(725);
    expect(taxRateBasisPoints({ country: 'US', region: 'OR' })).toBe(0);
    expect(taxRateBasisPoints({ country: 'GB', region: '' })).toBe(2000);
  });
});

describe('computeTotals', () => {
  it('adds subtotal, shipping and tax on the subtotal, in integer cents', () => {
    const t = computeTotals({ subtotal: money(4999), shippingMethod: 'standard', address: { country: 'US', region: 'CA' } });
    // 7.25% of 49.99 = 3.624275 → 362 cents (half up)
    expect(t).toMatchObject({ subtotal: money(4999), shipping: money(599), tax: money(362), total: money(4999 + 599 + 362) });
    expect(Number.isInteger(t.total.amount)).toBe(true);
  });
  it('rounds half up once', () => {
    // 6.25% of 2.00 = 0.125 → 13 cents
    expect(computeTotals({ subtotal: money(200), shippingMethod: 'express', address: { country: 'US', region: 'TX' } }).tax).toEqual(money(13));
  });
  it('gives free standard shipping over the threshold', () => {
    const t = computeTotals({ subtotal: money(8000), shippingMethod: 'standard', address: { country: 'US', region: 'NY' } });
    expect(t.shipping).toEqual(money(0));
    expect(t.total).toEqual(money(8000 + 320));
  });
});
