import { describe, expect, it } from 'vitest';
import { refuseCardData } from './card-data-refusal';

const base = { shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'X', postalCode: '94105', country: 'US' }, shippingMethod: 'standard' };
const refused = (body: unknown) => {
  try {
    refuseCardData(body);
    return null;
  } catch (err) {
    return err as { code: string; status: number; message: string };
  }
};

describe('card data refusal', () => {
  it('refuses the old card fields with CARD_DATA_NOT_ACCEPTED, naming no value', () => {
    const err = refused({ ...base, payment: { cardNumber: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123' } });
    expect(err).toMatchObject({ code: 'CARD_DATA_NOT_ACCEPTED', status: 400 });
    expect(err!.message).not.toMatch(/4242|123/);
    expect(refused({ ...base, payment: { token: 'tok_visa', cvc: '123' } })).toMatchObject({ code: 'CARD_DATA_NOT_ACCEPTED' });
  });
  it('refuses a card number anywhere in the body, spaced or dashed, as a string or a number', () => {
    expect(refused({ ...base, payment: { token: '4000-0027-6000-3184' } })).toMatchObject({ code: 'CARD_DATA_NOT_ACCEPTED' });
    expect(refused({ ...base, shippingAddress: { ...base.shippingAddress, line2: 'card 5555555555554444' } })).toMatchObject({
      code: 'CARD_DATA_NOT_ACCEPTED',
    });
    expect(refused({ ...base, note: 4242424242424242 })).toMatchObject({ code: 'CARD_DATA_NOT_ACCEPTED' });
  });
  it('lets a token body through, and digits that are no card (Luhn fails, a timestamp, a long id)', () => {
    expect(refused({ ...base, payment: { token: 'tok_abc' } })).toBeNull();
    expect(refused({ ...base, payment: { token: 'tok_abc' }, note: '4242424242424241' })).toBeNull();
    expect(refused({ ...base, payment: { token: 'tok_abc' }, at: 1764633600000 })).toBeNull();
    expect(refused({ ...base, payment: { token: 'tok_abc' }, id: '42424242424242424242424242' })).toBeNull();
  });
});
