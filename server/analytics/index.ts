import 'server-only';

// Public entry of the analytics domain (docs/analytics.md).
//   Request paths: trackAnalytics(event, context) — one line each, returns at once, never throws.
//   The marketers' dashboard: analyticsSummary (the API), analyticsDashboard (the page), both over a DateRange.
//   Tests and shutdown: flushAnalytics() writes whatever is buffered.
export { flushEvents as flushAnalytics } from './collector';
export { type AnalyticsDashboard, analyticsDashboard, type ExperimentResult } from './dashboard';
export { dateRangeSchema, lastDays } from './date-range';
export { pageViewBody, recordPageView } from './page-views';
export { analyticsSummary, type VitalsRow } from './summary';
// A signed-in shopper's account consent is looked up by trackAnalytics itself (or passed in context.consent).
export { trackAnalytics } from './track';
export { recordVital, vitalBody } from './vitals';
