import { type Money, money, STORE_CURRENCY } from '../platform/money';
import { type DateRange, daysOf } from './date-range';
import type { Row } from './decode-rows';
import { flushBeforeLocalRead, runDashboardQuery } from './run-query';

// GET /api/admin/analytics/summary (API.md, "Analytics (marketers)"): orders and revenue over a range, the
// funnel, and what shoppers searched for. The funnel counts visitors (distinct pseudonymous ids) reaching each
// step in the range having reached every step before it; `orders` at the top counts orders. Revenue is order totals in the store currency.

export type AnalyticsSummary = {
  orders: number;
  revenue: Money;
  averageOrderValue: Money;
  funnel: { productViews: number; addToCarts: number; checkouts: number; orders: number };
  topSearches: { q: string; count: number }[];
  zeroResultSearches: { q: string; count: number }[];
  byDay: { day: string; orders: number; revenue: Money }[];
  /** Real-user Core Web Vitals, p75 per page template (null: no sample of that metric); `samples` is the most any
   * of the three metrics has for the template, about the page loads measured. */
  vitals: VitalsRow[];
};

export type VitalsRow = { template: string; lcpP75: number | null; inpP75: number | null; clsP75: number | null; samples: number };

function vitalsRows(rows: Row[]): VitalsRow[] {
  const byTemplate = new Map<string, VitalsRow>();
  for (const r of rows) {
    const template = String(r.template);
    const row = byTemplate.get(template) ?? { template, lcpP75: null, inpP75: null, clsP75: null, samples: 0 };
    const p75 = Number(r.p75);
    if (r.metric === 'LCP') row.lcpP75 = p75;
    else if (r.metric === 'INP') row.inpP75 = p75;
    else if (r.metric === 'CLS') row.clsP75 = p75;
    else continue;
    row.samples = Math.max(row.samples, Number(r.samples));
    byTemplate.set(template, row);
  }
  return [...byTemplate.values()].sort((a, b) => b.samples - a.samples || a.template.localeCompare(b.template));
}

const searches = (rows: Row[]) => rows.map((r) => ({ q: String(r.q), count: Number(r.count) }));

export async function analyticsSummary(range: DateRange): Promise<AnalyticsSummary> {
  await flushBeforeLocalRead();
  const [byDayRows, funnelRows, top, zero, vitalRows] = await Promise.all([
    runDashboardQuery('ordersByDay', range),
    runDashboardQuery('funnel', range),
    runDashboardQuery('topSearches', range),
    runDashboardQuery('zeroResultSearches', range),
    runDashboardQuery('vitals', range),
  ]);
  const found = new Map(byDayRows.map((r) => [String(r.day), r]));
  const byDay = daysOf(range).map((day) => {
    const r = found.get(day);
    return { day, orders: Number(r?.orders ?? 0), revenue: money(Number(r?.revenue_minor ?? 0), STORE_CURRENCY) };
  });
  const orders = byDay.reduce((n, d) => n + d.orders, 0);
  const revenue = byDay.reduce((n, d) => n + d.revenue.amount, 0);
  const f = funnelRows[0] ?? {};
  return {
    orders,
    revenue: money(revenue),
    averageOrderValue: money(orders ? Math.round(revenue / orders) : 0),
    funnel: {
      productViews: Number(f.product_views ?? 0),
      addToCarts: Number(f.add_to_carts ?? 0),
      checkouts: Number(f.checkouts ?? 0),
      orders: Number(f.orders ?? 0),
    },
    topSearches: searches(top),
    zeroResultSearches: searches(zero),
    byDay,
    vitals: vitalsRows(vitalRows),
  };
}
