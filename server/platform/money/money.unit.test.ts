import { describe, expect, it } from 'vitest';
import { addMoney, formatMoney, money, multiplyMoney, percentOf, sumMoney } from '.';

describe('money', () => {
  it('adds and multiplies in integer minor units', () => {
    expect(addMoney(money(1999), money(1))).toEqual({ amount: 2000, currency: 'USD' });
    expect(multiplyMoney(money(333), 3)).toEqual({ amount: 999, currency: 'USD' });
    expect(sumMoney([money(1), money(2), money(3)])).toEqual(money(6));
  });

  it('rejects fractional amounts instead of carrying float error', () => {
    expect(() => money(10.5)).toThrow(RangeError);
    expect(() => multiplyMoney(money(100), 1.5)).toThrow(RangeError);
  });

  it('rounds percentages half up to the cent', () => {
    expect(percentOf(money(1000), 825)).toEqual(money(83)); // 82.5 -> 83
    expect(percentOf(money(999), 1000)).toEqual(money(100)); // 99.9 -> 100
  });

  it('formats for people', () => {
    expect(formatMoney(money(249900))).toBe('$2,499.00');
  });
});
