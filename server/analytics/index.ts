import 'server-only';

// Public entry of the analytics domain (docs/analytics.md).
//   Request paths: trackAnalytics(event, context) — one line each, returns at once, never throws.
//   The marketers' dashboard: analyticsSummary (the API), analyticsDashboard (the page), both over a DateRange.
//   Tests and shutdown: flushAnalytics() writes whatever is buffered.
export { flushEvents as flushAnalytics } from './collector';
export type { AnalyticsConsent } from './consent';
export { type AnalyticsDashboard, analyticsDashboard, type ExperimentResult, type TopProduct } from './dashboard';
export { type DateRange, dateRangeSchema, lastDays } from './date-range';
export { type AnalyticsSummary, analyticsSummary } from './summary';
export { type TrackContext, type TrackInput, trackAnalytics } from './track';
