import { describe, expect, it } from 'vitest';
import { type Cart, emptyCart } from '../cart';
import { isAppError } from '../platform/errors';
import { money } from '../platform/money';
import { NO_OFFER } from '../promotions';
import { quoteForCart } from './checkout-quote';
import { checkoutBodySchema } from './checkout-schema';

// Issue 19.6: tax follows the state, so a US state must be the one its ZIP code is in — in the checkout body and
// in the review quote alike. Other countries are checked as before (postcode shape only).

const body = (address: Record<string, string>) => ({
  shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'San Francisco', ...address },
  shippingMethod: 'standard',
  payment: { token: 'tok_visa' },
});

// 10 193 at CA's 7.25% is 738.99 → 739 (rounded half up once).
const line = { ...emptyLine(), lineTotal: money(10_193), unitPrice: money(10_193) };
const cart: Cart = { ...emptyCart('user#ada'), items: [line], subtotal: money(10_193), itemCount: 1 };
const quote = (country: string, region: string, postalCode: string) =>
  quoteForCart(cart, { country: country as 'US', region, postalCode, shippingMethod: 'standard' }, NO_OFFER);

function emptyLine(): Cart['items'][number] {
  const m = money(0);
  return {
    lineId: 'ln',
    productId: 'p',
    variantId: 'v',
    slug: 'p',
    name: 'P',
    category: 'c',
    image: '',
    options: {},
    unitPrice: m,
    quantity: 1,
    lineTotal: m,
    available: true,
    availableQuantity: 1,
  };
}

function quoteError(country: string, region: string, postalCode: string) {
  try {
    quote(country, region, postalCode);
    return null;
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { status: err.status, code: err.code, details: err.details as { path: string; message: string }[] };
  }
}

describe('US state against ZIP code', () => {
  it.each([
    // region, ZIP, the field blamed (null: accepted), words the message must carry
    ['CA', '94105', null, []],
    ['ca', '94105-1234', null, []],
    ['NY', '10001', null, []],
    ['OR', '97201', null, []],
    ['OR', '94105', 'region', ['Oregon', '94105', 'California']],
    ['TX', '10001', 'region', ['Texas', '10001', 'New York']],
    ['CA', '00000', 'postalCode', ['00000', 'not a US ZIP code']],
    ['CA', '00901', 'postalCode', ['00901', 'outside']],
  ] as const)('%s + %s → field in error: %s', (region, postalCode, field, words) => {
    const parsed = checkoutBodySchema.safeParse(body({ region, postalCode, country: 'US' }));
    const fromQuote = quoteError('US', region, postalCode);
    if (field === null) {
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(fromQuote).toBeNull();
      return;
    }
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    expect(issues.map((i) => i.path)).toEqual([`shippingAddress.${field}`]);
    expect(fromQuote).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', details: [{ path: field }] });
    for (const word of words) {
      expect(issues[0]!.message).toContain(word);
      expect(fromQuote!.details[0]!.message).toContain(word);
    }
  });

  it('taxes by the validated state: CA + 94105 → 739 on 101.93; OR + 97201 → 0', () => {
    expect(quote('US', 'CA', '94105').totals).toMatchObject({ tax: money(739), shipping: money(0), total: money(10_193 + 739) });
    expect(quote('US', 'OR', '97201').totals?.tax).toEqual(money(0));
  });

  it('quotes no tax until the ZIP code is complete, rather than trusting the state alone', () => {
    expect(quote('US', 'CA', '').totals).toBeNull();
    expect(quote('US', 'CA', '941').totals).toBeNull();
    expect(quote('US', '', '94105').totals).toBeNull();
  });

  it('leaves other countries as they were: postcode shape only', () => {
    expect(checkoutBodySchema.safeParse(body({ region: 'ON', postalCode: 'K1A 0B1', country: 'CA' })).success).toBe(true);
    expect(checkoutBodySchema.safeParse(body({ region: '', postalCode: 'SW1A 1AA', country: 'GB' })).success).toBe(true);
    expect(quote('CA', 'ON', '').totals?.tax).toEqual(money(510));
    expect(quote('GB', '', '').totals?.tax).toEqual(money(2_039));
  });
});
