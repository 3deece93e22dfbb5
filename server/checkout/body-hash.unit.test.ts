import { describe, expect, it } from 'vitest';
import { canonicalJson, hashCheckoutBody } from './body-hash';

const secret = 'test-secret-0123456789abcdef';
const body = {
  shippingAddress: { name: 'A', line1: '1 Main St', city: 'X', region: 'CA', postalCode: '94105', country: 'US' },
  shippingMethod: 'standard',
  payment: { token: 'tok_abc123' },
};

describe('idempotency body hash', () => {
  it('does not depend on key order at any depth', () => {
    const reordered = {
      payment: { token: 'tok_abc123' },
      expectedTotal: { currency: 'USD', amount: 100 },
      shippingMethod: 'standard',
      shippingAddress: { country: 'US', postalCode: '94105', region: 'CA', city: 'X', line1: '1 Main St', name: 'A' },
    };
    expect(hashCheckoutBody(reordered, secret)).toBe(hashCheckoutBody({ ...body, expectedTotal: { amount: 100, currency: 'USD' } }, secret));
  });
  it('changes when any value changes', () => {
    expect(hashCheckoutBody({ ...body, shippingMethod: 'express' }, secret)).not.toBe(hashCheckoutBody(body, secret));
    expect(hashCheckoutBody({ ...body, payment: { token: 'tok_abc124' } }, secret)).not.toBe(hashCheckoutBody(body, secret));
  });
  it('treats an undefined field as absent', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });
  it('is keyed, and never contains the token', () => {
    const h = hashCheckoutBody(body, secret);
    expect(hashCheckoutBody(body, `${secret}x`)).not.toBe(h);
    expect(h).not.toContain('abc123');
  });
});
