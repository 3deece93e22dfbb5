// Google's Core Web Vitals thresholds at the 75th percentile (web.dev/articles/vitals): good up to the first,
// poor past the second. LCP and INP in milliseconds, CLS unitless.
export const VITAL_THRESHOLDS = {
  lcpP75: { good: 2500, poor: 4000 },
  inpP75: { good: 200, poor: 500 },
  clsP75: { good: 0.1, poor: 0.25 },
} as const;

export type VitalRating = 'good' | 'needs improvement' | 'poor';

export function rateVital(metric: keyof typeof VITAL_THRESHOLDS, value: number): VitalRating {
  const t = VITAL_THRESHOLDS[metric];
  if (value <= t.good) return 'good';
  return value <= t.poor ? 'needs improvement' : 'poor';
}
