import { describe, expect, it } from 'vitest';
import { conversionVerdict, meanDifference, normalCdf, twoProportionTest, wilsonInterval } from './experiment-stats';

// Reference values from the textbook formulas (Newcombe 1998 for Wilson; any two-proportion z calculator).
describe('experiment statistics', () => {
  it('gives the standard normal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
  });

  it('computes the Wilson interval for 10 of 100', () => {
    const { low, high } = wilsonInterval(10, 100);
    expect(low).toBeCloseTo(0.05523, 4);
    expect(high).toBeCloseTo(0.17437, 4);
  });

  it('keeps the Wilson interval inside 0–1 at the edges', () => {
    expect(wilsonInterval(0, 20).low).toBe(0);
    expect(wilsonInterval(0, 20).high).toBeCloseTo(0.16113, 4);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('tests 250/1000 against 200/1000: z 2.68, p 0.0074, difference 5 points ± 3.65', () => {
    const t = twoProportionTest({ successes: 250, trials: 1000 }, { successes: 200, trials: 1000 });
    expect(t.difference).toBeCloseTo(0.05, 10);
    expect(t.z).toBeCloseTo(2.6774, 3);
    expect(t.pValue).toBeCloseTo(0.00742, 4);
    expect(t.interval.low).toBeCloseTo(0.013464, 5);
    expect(t.interval.high).toBeCloseTo(0.086536, 5);
  });

  it('computes a Welch interval for revenue per visitor from sums and sums of squares', () => {
    // a: values 0,0,10,10 (mean 5, variance 33.33); b: 0,0,0,4 (mean 1, variance 4).
    const r = meanDifference({ n: 4, sum: 20, sumOfSquares: 200 }, { n: 4, sum: 4, sumOfSquares: 16 });
    expect(r.difference).toBe(4);
    const se = Math.sqrt(100 / 3 / 4 + 4 / 4);
    expect(r.interval.low).toBeCloseTo(4 - 1.959964 * se, 5);
    expect(r.interval.high).toBeCloseTo(4 + 1.959964 * se, 5);
  });

  it('says better, worse, no difference or too early in plain words', () => {
    const better = twoProportionTest({ successes: 250, trials: 1000 }, { successes: 200, trials: 1000 });
    expect(conversionVerdict('new-banner', 1000, 1000, better)).toMatchObject({ kind: 'better' });
    expect(conversionVerdict('new-banner', 1000, 1000, better).text).toContain('converted better, by 5.0 points');
    const worse = twoProportionTest({ successes: 200, trials: 1000 }, { successes: 250, trials: 1000 });
    expect(conversionVerdict('new-banner', 1000, 1000, worse).kind).toBe('worse');
    const even = twoProportionTest({ successes: 205, trials: 1000 }, { successes: 200, trials: 1000 });
    expect(conversionVerdict('new-banner', 1000, 1000, even).kind).toBe('no-difference');
    expect(conversionVerdict('new-banner', 40, 1000, better).kind).toBe('too-early');
  });
});
