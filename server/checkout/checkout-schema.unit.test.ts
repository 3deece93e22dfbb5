import { describe, expect, it } from 'vitest';
import { checkoutBodySchema, idempotencyKeySchema } from './checkout-schema';

const valid = {
  shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'San Francisco', region: 'ca', postalCode: '94105', country: 'US' },
  shippingMethod: 'standard',
  payment: { token: 'tok_visa' },
};

describe('checkout body', () => {
  it('takes the processor token as payment, and normalises the region', () => {
    const r = checkoutBodySchema.parse(valid);
    expect(r.payment).toEqual({ token: 'tok_visa' });
    expect(r.shippingAddress.region).toBe('CA');
  });
  it('refuses a payment that is not exactly a token', () => {
    expect(checkoutBodySchema.safeParse({ ...valid, payment: { token: 'visa' } }).success).toBe(false);
    expect(checkoutBodySchema.safeParse({ ...valid, payment: { token: 'tok_visa', extra: 1 } }).success).toBe(false);
  });
  it('strips fields the server does not take (a total, a price)', () => {
    const r = checkoutBodySchema.parse({ ...valid, total: 1, price: 1 });
    expect(r).not.toHaveProperty('total');
    expect(r).not.toHaveProperty('price');
  });
  it('names the fields that are wrong', () => {
    const r = checkoutBodySchema.safeParse({
      ...valid,
      shippingAddress: { ...valid.shippingAddress, region: 'ZZ', postalCode: '123' },
      shippingMethod: 'teleport',
    });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['shippingAddress.region', 'shippingAddress.postalCode', 'shippingMethod']));
  });
  it('checks postal codes per country', () => {
    const ca = { ...valid, shippingAddress: { ...valid.shippingAddress, country: 'CA', region: 'ON', postalCode: 'k1a 0b1' } };
    expect(checkoutBodySchema.parse(ca).shippingAddress.postalCode).toBe('K1A 0B1');
    const gb = { ...valid, shippingAddress: { ...valid.shippingAddress, country: 'GB', region: '', postalCode: 'SW1A 1AA' } };
    expect(checkoutBodySchema.safeParse(gb).success).toBe(true);
  });
});

describe('Idempotency-Key', () => {
  it('takes 8–200 printable characters', () => {
    expect(idempotencyKeySchema.safeParse(crypto.randomUUID()).success).toBe(true);
    expect(idempotencyKeySchema.safeParse('short').success).toBe(false);
    expect(idempotencyKeySchema.safeParse('x'.repeat(201)).success).toBe(false);
    expect(idempotencyKeySchema.safeParse('has space in it').success).toBe(false);
  });
});
