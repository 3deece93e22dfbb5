import { describe, expect, it } from 'vitest';
import { collapseEmptyDays } from './collapse-days';
import { rateVital } from './vital-thresholds';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });
const day = (d: string, orders: number) => ({ day: d, orders, revenue: usd(orders * 1000) });

describe('the revenue table', () => {
  it('folds each run of days without orders into one row and keeps the days that sold', () => {
    const rows = collapseEmptyDays([day('2026-11-01', 0), day('2026-11-02', 0), day('2026-11-03', 2), day('2026-11-04', 0), day('2026-11-05', 1)]);
    expect(rows.map((r) => [r.label, r.orders])).toEqual([
      ['2026-11-01 to 2026-11-02 (2 days, no orders)', 0],
      ['2026-11-03', 2],
      ['2026-11-04 (no orders)', 0],
      ['2026-11-05', 1],
    ]);
    expect(collapseEmptyDays(Array.from({ length: 30 }, (_, i) => day(`2026-11-${String(i + 1).padStart(2, '0')}`, 0)))).toHaveLength(1);
  });
});

describe('the vitals thresholds', () => {
  it('rate p75 against good and poor, the bounds included in the better side', () => {
    expect(rateVital('lcpP75', 2500)).toBe('good');
    expect(rateVital('lcpP75', 2501)).toBe('needs improvement');
    expect(rateVital('inpP75', 501)).toBe('poor');
    expect(rateVital('clsP75', 0.1)).toBe('good');
    expect(rateVital('clsP75', 0.3)).toBe('poor');
  });
});
