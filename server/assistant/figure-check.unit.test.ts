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

  it('takes a search total or a cart count as a count of items, never as units in stock', () => {
    const searchOnly = knownFigures([{ items: [{ id: 'p1', price: { amount: 3_450, currency: 'USD' } }], total: 6 }, { itemCount: 3 }]);
    expect(checkFigures('There are 6 in stock.', searchOnly)).toEqual({ ok: false, unsupported: ['6 in stock'] });
    expect(checkFigures('I found 6 items, and your cart holds 3 items.', searchOnly)).toEqual({ ok: true });
    expect(checkFigures('We have 6 units.', known)).toEqual({ ok: true });
  });

  it('knows nothing when no tool ran: any figure is refused', () => {
    expect(checkFigures('The Lantern is $34.50.', knownFigures([]))).toEqual({ ok: false, unsupported: ['$34.50'] });
  });
});
