import { describe, expect, it } from 'vitest';
import { containsCardNumber, textHasCardNumber } from './card-data';
import { passesLuhn } from './luhn';

describe('what counts as a card number in text', () => {
  it('finds card numbers bare, spaced and dashed, inside a sentence', () => {
    expect(textHasCardNumber('4242424242424242')).toBe(true);
    expect(textHasCardNumber('card: 4242 4242 4242 4242, thanks')).toBe(true);
    expect(textHasCardNumber('"4000-0027-6000-3184"')).toBe(true);
    expect(textHasCardNumber('amex 378282246310005.')).toBe(true);
  });

  it('passes a UUID whose first three groups are all digits and Luhn-valid (a user id seen in a CI run)', () => {
    // The digits of the groups before "-a07f" pass Luhn: without the dash rule this id read as a card.
    expect(passesLuhn('4193174824924932')).toBe(true);
    expect(textHasCardNumber('user#41931748-2492-4932-a07f-2ab614661a0e')).toBe(false);
    expect(containsCardNumber({ userId: '41931748-2492-4932-a07f-2ab614661a0e' })).toBe(false);
  });

  it('still finds a dashed card number followed by a dash and a space, or a sentence dash', () => {
    expect(textHasCardNumber('4242-4242-4242-4242 - my card')).toBe(true);
    expect(textHasCardNumber('ref-4242424242424242')).toBe(false);
  });

  it('finds a card number held as a JSON number', () => {
    expect(containsCardNumber({ n: 4242424242424242 })).toBe(true);
    expect(containsCardNumber({ at: 1764633600000 })).toBe(false);
  });
});
