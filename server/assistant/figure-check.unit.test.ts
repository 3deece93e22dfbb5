import { describe, expect, it } from 'vitest';
import { checkFigures, knownFigures } from './figure-check';

const results = [
  { items: [{ id: 'p1', name: 'Lantern', price: { amount: 3_450, currency: 'USD' } }], total: 1 },
  {
    variants: [
      { id: 'amber', price: { amount: 3_450, currency: 'USD' }, available: 6 },
      { id: 'white', price: { amount: 129_900, currency: 'USD' }, available: 0 },
    ],
  },
];
const known = knownFigures(results);

describe('checkFigures', () => {
  it('passes a reply whose every price and stock count came from a tool result', () => {
    expect(checkFigures('The Lantern is $34.50, with 6 in stock; the white one is $1,299.00 but 0 left.', known)).toEqual({ ok: true });
    expect(checkFigures('It costs 34.50 USD.', known)).toEqual({ ok: true });
    expect(checkFigures('No figures here, just a friendly word.', known)).toEqual({ ok: true });
  });

  it('refuses an invented price, a rounded price and an invented stock count', () => {
    expect(checkFigures('Today only $9.99!', known)).toEqual({ ok: false, unsupported: ['$9.99'] });
    expect(checkFigures('About $35 each.', known)).toEqual({ ok: false, unsupported: ['$35'] });
    expect(checkFigures('Hurry, only 2 left.', known)).toEqual({ ok: false, unsupported: ['2 left'] });
    expect(checkFigures('It is 30 dollars.', known)).toEqual({ ok: false, unsupported: ['30 dollars'] });
  });

  it('knows nothing when no tool ran: any figure is refused', () => {
    expect(checkFigures('The Lantern is $34.50.', knownFigures([]))).toEqual({ ok: false, unsupported: ['$34.50'] });
  });
});
