import { getProductRecords } from '../catalog';
import { type Money, money } from '../platform/money';
import type { DateRange } from './date-range';
import type { Row } from './decode-rows';
import { conversionVerdict, type Interval, meanDifference, type ProportionTest, twoProportionTest, type Verdict, wilsonInterval } from './experiment-stats';
import { runDashboardQuery } from './run-query';
import { type AnalyticsSummary, analyticsSummary } from './summary';

// The /admin/analytics page's data: the API's summary plus top products and experiments.

export type TopProduct = { productId: string; name: string; views: number; unitsAdded: number };

export type TopPage = { path: string; views: number; visitors: number };

export type ExperimentArm = {
  visitors: number;
  converted: number;
  conversionRate: number;
  conversionInterval: Interval;
  revenue: Money;
  revenuePerVisitor: Money;
};

export type ExperimentResult = {
  flagKey: string;
  exposed: ExperimentArm;
  notExposed: ExperimentArm;
  conversion: ProportionTest;
  /** Exposed minus not exposed, minor units per visitor. */
  revenuePerVisitor: { difference: number; interval: Interval };
  verdict: Verdict;
};

export type AnalyticsDashboard = {
  range: DateRange;
  summary: AnalyticsSummary;
  topProducts: TopProduct[];
  topPages: TopPage[];
  experiments: ExperimentResult[];
};

function arm(row: Row | undefined): ExperimentArm & { sumOfSquares: number } {
  const visitors = Number(row?.visitors ?? 0);
  const converted = Number(row?.converted ?? 0);
  const revenue = Number(row?.revenue_minor ?? 0);
  return {
    visitors,
    converted,
    conversionRate: visitors ? converted / visitors : 0,
    conversionInterval: wilsonInterval(converted, visitors),
    revenue: money(revenue),
    revenuePerVisitor: money(visitors ? Math.round(revenue / visitors) : 0),
    sumOfSquares: Number(row?.revenue_sq ?? 0),
  };
}

export function experimentResults(rows: readonly Row[]): ExperimentResult[] {
  const keys = [...new Set(rows.map((r) => String(r.flag_key)))].sort();
  return keys.map((flagKey) => {
    const on = arm(rows.find((r) => r.flag_key === flagKey && r.variant === 'on'));
    const off = arm(rows.find((r) => r.flag_key === flagKey && r.variant === 'off'));
    const conversion = twoProportionTest({ successes: on.converted, trials: on.visitors }, { successes: off.converted, trials: off.visitors });
    const rpv = meanDifference(
      { n: on.visitors, sum: on.revenue.amount, sumOfSquares: on.sumOfSquares },
      { n: off.visitors, sum: off.revenue.amount, sumOfSquares: off.sumOfSquares },
    );
    const { sumOfSquares: _a, ...exposed } = on;
    const { sumOfSquares: _b, ...notExposed } = off;
    return {
      flagKey,
      exposed,
      notExposed,
      conversion,
      revenuePerVisitor: { difference: rpv.difference, interval: rpv.interval },
      verdict: conversionVerdict(flagKey, on.visitors, off.visitors, conversion),
    };
  });
}

async function productNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  // Names are a nicety: a catalog outage still shows the ids.
  const records = await getProductRecords(ids).catch(() => new Map());
  return new Map([...records].map(([id, r]) => [id, r.name]));
}

export async function analyticsDashboard(range: DateRange): Promise<AnalyticsDashboard> {
  const summary = await analyticsSummary(range);
  const [productRows, pageRows, experimentRows] = await Promise.all([
    runDashboardQuery('topProducts', range),
    runDashboardQuery('topPages', range),
    runDashboardQuery('experiments', range),
  ]);
  const names = await productNames(productRows.map((r) => String(r.product_id)));
  const topProducts = productRows.map((r) => ({
    productId: String(r.product_id),
    name: names.get(String(r.product_id)) ?? String(r.product_id),
    views: Number(r.views),
    unitsAdded: Number(r.units_added),
  }));
  const topPages = pageRows.map((r) => ({ path: String(r.path), views: Number(r.views), visitors: Number(r.visitors) }));
  return { range, summary, topProducts, topPages, experiments: experimentResults(experimentRows) };
}
