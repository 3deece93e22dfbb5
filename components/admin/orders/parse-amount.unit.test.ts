import { describe, expect, it } from 'vitest';
import { parseAmount } from './parse-amount';

describe('parseAmount', () => {
  it('reads dollars with up to two decimals as exact minor units', () => {
    expect(parseAmount('12.5')).toBe(1250);
    expect(parseAmount('12.05')).toBe(1205);
    expect(parseAmount(' $0.29 ')).toBe(29);
    expect(parseAmount('1000')).toBe(100_000);
  });

  it('refuses zero, negatives, three decimals, commas and words', () => {
    for (const text of ['0', '0.00', '-1', '1.234', '1,50', 'ten', '', '.5', '1e3']) expect(parseAmount(text), text).toBeNull();
  });
});
