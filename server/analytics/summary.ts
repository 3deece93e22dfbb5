import { type Money, money, STORE_CURRENCY } from '../money';
import { type DateRange, daysOf } from './date-range';
import type { Row } from './decode-rows';
import { flushBeforeLocalRead, runDashboardQuery } from './run-query';

// GET /api/admin/analytics/summary (API.md, "Analytics (marketers)"): orders and revenue over a range, the
// funnel, and what shoppers searched for. The funnel counts visitors (distinct pseudonymous ids) reaching each
// step in the range; `orders` at the top counts orders. Revenue is order totals in the store currency.

export type AnalyticsSummary = {
  orders: number;
  revenue: Money;
  averageOrderValue: Money;
  funnel: { productViews: number; addToCarts: number; checkouts: number; orders: number };
  topSearches: { q: string; count: number }[];
  zeroResultSearches: { q: string; count: number }[];
  byDay: { day: string; orders: number; revenue: Money }[];
};

const searches = (rows: Row[]) => rows.map((r) => ({ q: String(r.q), count: Number(r.count) }));

export async function analyticsSummary(range: DateRange): Promise<AnalyticsSummary> {
  await flushBeforeLocalRead();
  const [byDayRows, funnelRows, top, zero] = await Promise.all([
    runDashboardQuery('ordersByDay', range),
    runDashboardQuery('funnel', range),
    runDashboardQuery('topSearches', range),
    runDashboardQuery('zeroResultSearches', range),
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
  };
}
