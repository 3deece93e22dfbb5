// The statistics behind an experiment's verdict, at 95% confidence, on the normal approximation:
//   conversion per side: a Wilson score interval (sound for small counts and rates near 0 or 1);
//   the difference in conversion (exposed − not exposed): an unpooled Wald interval, and a two-proportion z test
//   (pooled) for its p-value;
//   revenue per visitor: a Welch interval for the difference of means, from each side's sum and sum of squares.
// The verdict says "better" or "worse" only when the interval leaves zero out, and "too early" while either side
// has fewer than MIN_VISITORS visitors, where the approximation is not to be trusted.

export const Z_95 = 1.959963984540054;
export const MIN_VISITORS = 100;

/** erf, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7). */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return sign * y;
}

export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

export type Interval = { low: number; high: number };

export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (trials === 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export type ProportionTest = { difference: number; interval: Interval; z: number; pValue: number };

/** Exposed (a) against not exposed (b): a's rate minus b's. */
export function twoProportionTest(a: { successes: number; trials: number }, b: { successes: number; trials: number }, z = Z_95): ProportionTest {
  const pa = a.trials ? a.successes / a.trials : 0;
  const pb = b.trials ? b.successes / b.trials : 0;
  const difference = pa - pb;
  const seUnpooled = a.trials && b.trials ? Math.sqrt((pa * (1 - pa)) / a.trials + (pb * (1 - pb)) / b.trials) : Number.POSITIVE_INFINITY;
  const pooled = a.trials + b.trials ? (a.successes + b.successes) / (a.trials + b.trials) : 0;
  const sePooled = a.trials && b.trials ? Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials)) : 0;
  const stat = sePooled > 0 ? difference / sePooled : 0;
  return {
    difference,
    interval: { low: difference - z * seUnpooled, high: difference + z * seUnpooled },
    z: stat,
    pValue: sePooled > 0 ? 2 * (1 - normalCdf(Math.abs(stat))) : 1,
  };
}

export type Sample = { n: number; sum: number; sumOfSquares: number };

export function meanDifference(a: Sample, b: Sample, z = Z_95): { meanA: number; meanB: number; difference: number; interval: Interval } {
  const mean = (s: Sample) => (s.n ? s.sum / s.n : 0);
  const variance = (s: Sample) => (s.n > 1 ? Math.max(0, (s.sumOfSquares - (s.sum * s.sum) / s.n) / (s.n - 1)) : 0);
  const meanA = mean(a);
  const meanB = mean(b);
  const se = a.n > 1 && b.n > 1 ? Math.sqrt(variance(a) / a.n + variance(b) / b.n) : Number.POSITIVE_INFINITY;
  const difference = meanA - meanB;
  return { meanA, meanB, difference, interval: { low: difference - z * se, high: difference + z * se } };
}

export type Verdict = { kind: 'too-early' | 'better' | 'worse' | 'no-difference'; text: string };

const points = (x: number) => `${(x * 100).toFixed(1)} points`;

/** Plain words for marketers, on conversion (revenue per visitor is shown beside it with its own interval). */
export function conversionVerdict(flagKey: string, exposed: number, notExposed: number, test: ProportionTest): Verdict {
  if (exposed < MIN_VISITORS || notExposed < MIN_VISITORS) {
    return {
      kind: 'too-early',
      text: `Too early to tell: ${flagKey} needs at least ${MIN_VISITORS} visitors on each side (now ${exposed} with it, ${notExposed} without).`,
    };
  }
  const range = `95% confidence interval ${points(test.interval.low)} to ${points(test.interval.high)}`;
  if (test.interval.low > 0) return { kind: 'better', text: `Visitors who saw ${flagKey} converted better, by ${points(test.difference)} (${range}).` };
  if (test.interval.high < 0) return { kind: 'worse', text: `Visitors who saw ${flagKey} converted worse, by ${points(-test.difference)} (${range}).` };
  return { kind: 'no-difference', text: `No clear difference in conversion yet with ${flagKey}: the ${range} includes zero. Keep it running or call it even.` };
}
