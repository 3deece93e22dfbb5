import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../platform/config';
import { experimentResults } from './dashboard';
import { DASHBOARD_QUERIES, PORTABLE_FUNCTIONS } from './dashboard-queries';
import { runOnDuckDb } from './duckdb-engine';
import { renderQuery } from './engine-sql';
import type { AnalyticsEvent } from './event-schema';
import { eventDay, toLakeRow } from './lake-columns';
import { writeLakeBatch } from './local-lake-writer';
import { analyticsSummary } from './summary';

// Every dashboard query on DuckDB over one fixed dataset, against numbers worked out by hand below.
const D1 = Date.parse('2026-11-01T10:00:00Z');
const D2 = Date.parse('2026-11-02T10:00:00Z');
const D3 = Date.parse('2026-11-03T10:00:00Z');
const visitor = (name: string) => `v_${name.repeat(22).slice(0, 22)}`;
let n = 0;
const ev = (type: AnalyticsEvent['type'], who: string, at: number, fields: Record<string, unknown> = {}) =>
  ({
    v: 1,
    eventId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    at: at + n,
    visitorId: visitor(who),
    signedIn: false,
    type,
    ...fields,
  }) as AnalyticsEvent;

const DATASET: AnalyticsEvent[] = [
  // Exposures first: A and C see top-sellers on, B and D off; F sees both (left out of the experiment).
  ev('flag-exposure', 'A', D1, { flagKey: 'top-sellers', variant: 'on', bucket: 10, rolloutPercent: 50 }),
  ev('flag-exposure', 'C', D1, { flagKey: 'top-sellers', variant: 'on', bucket: 20, rolloutPercent: 50 }),
  ev('flag-exposure', 'B', D1, { flagKey: 'top-sellers', variant: 'off', bucket: 7000, rolloutPercent: 50 }),
  ev('flag-exposure', 'D', D2, { flagKey: 'top-sellers', variant: 'off', bucket: 8000, rolloutPercent: 50 }),
  ev('flag-exposure', 'F', D1, { flagKey: 'top-sellers', variant: 'on', bucket: 30, rolloutPercent: 50 }),
  ev('flag-exposure', 'F', D2, { flagKey: 'top-sellers', variant: 'off', bucket: 9000, rolloutPercent: 50 }),
  // Day 1: A, B, C view p1; A, B view p2; A adds 2 × p1, B adds 1 × p2; A checks out and orders (delivered twice).
  ...['A', 'B', 'C'].map((w) => ev('product-view', w, D1, { productId: 'p1' })),
  ...['A', 'B'].map((w) => ev('product-view', w, D1, { productId: 'p2' })),
  ev('add-to-cart', 'A', D1, { productId: 'p1', quantity: 2 }),
  ev('add-to-cart', 'B', D1, { productId: 'p2', quantity: 1 }),
  ev('checkout-started', 'A', D1, { itemCount: 1 }),
  ev('order-placed', 'A', D1 + 1000, { orderId: 'ord-1', valueMinor: 5000, currency: 'USD', itemCount: 1 }),
  ev('order-placed', 'A', D1 + 1000, { orderId: 'ord-1', valueMinor: 5000, currency: 'USD', itemCount: 1 }),
  // Day 2: C orders; D views p1; searches.
  ev('order-placed', 'C', D2, { orderId: 'ord-2', valueMinor: 3000, currency: 'USD', itemCount: 2 }),
  ev('product-view', 'D', D2, { productId: 'p1' }),
  ...[1, 2, 3].map(() => ev('search', 'B', D2, { query: 'mug', resultCount: 5, zeroResults: false })),
  ...[1, 2].map(() => ev('search', 'D', D2, { query: 'teapot', resultCount: 0, zeroResults: true })),
  ev('search', 'A', D2, { query: 'kettle', resultCount: 0, zeroResults: true }),
  // Page views: A sees / twice and /c/coffee once, B sees / once; G's view of /c/tea is on day 3.
  ev('page-view', 'A', D1, { path: '/' }),
  ev('page-view', 'A', D2, { path: '/' }),
  ev('page-view', 'A', D2, { path: '/c/coffee' }),
  ev('page-view', 'B', D1, { path: '/' }),
  ev('page-view', 'G', D3, { path: '/c/tea' }),
  // Web vitals: four LCPs on product pages (p75 by nearest rank: 3000), two CLS on the home page (0.2), one INP
  // there; one LCP on day 3, outside the range.
  ...[4000, 1000, 3000, 2000].map((value) => ev('web-vital', 'A', D1, { metric: 'LCP', value, template: '/p/[slug]' })),
  ev('web-vital', 'B', D1, { metric: 'CLS', value: 0.01, template: '/' }),
  ev('web-vital', 'B', D2, { metric: 'CLS', value: 0.2, template: '/' }),
  ev('web-vital', 'B', D2, { metric: 'INP', value: 120, template: '/' }),
  ev('web-vital', 'G', D3, { metric: 'LCP', value: 9000, template: '/p/[slug]' }),
  // Day 3 (outside the 1–2 range): E orders.
  ev('order-placed', 'E', D3, { orderId: 'ord-3', valueMinor: 7000, currency: 'USD', itemCount: 1 }),
];

let lakeDir: string;
const range = { from: '2026-11-01', to: '2026-11-02' };
const run = (name: keyof typeof DASHBOARD_QUERIES, r = range) =>
  runOnDuckDb(
    lakeDir,
    DASHBOARD_QUERIES[name],
    DASHBOARD_QUERIES[name].params.map((p) => r[p]),
  );

beforeAll(async () => {
  lakeDir = mkdtempSync(path.join(os.tmpdir(), 'analytics-lake-'));
  // Two batches, as two flushes would write them.
  const rows = DATASET.map((e) => ({ ...toLakeRow(e), dt: eventDay(e.at) }));
  await writeLakeBatch(lakeDir, rows.slice(0, 10));
  await writeLakeBatch(lakeDir, rows.slice(10));
});
afterAll(() => {
  rmSync(lakeDir, { recursive: true, force: true });
  delete process.env.ANALYTICS_LAKE_DIR;
  resetConfigForTests();
});

describe('the local lake', () => {
  it('writes date-partitioned Parquet files, one folder per day', () => {
    expect(readdirSync(path.join(lakeDir, 'events')).sort()).toEqual(['dt=2026-11-01', 'dt=2026-11-02', 'dt=2026-11-03']);
    expect(readdirSync(path.join(lakeDir, 'events', 'dt=2026-11-01')).every((f) => /^events-[0-9a-f-]+\.parquet$/.test(f))).toBe(true);
  });
});

describe('dashboard queries on DuckDB over the fixed dataset', () => {
  it('ordersByDay counts each order once (a duplicate delivery is not a second order) and prunes by day', async () => {
    expect(await run('ordersByDay')).toEqual([
      { day: '2026-11-01', orders: 1, revenue_minor: 5000 },
      { day: '2026-11-02', orders: 1, revenue_minor: 3000 },
    ]);
    expect(await run('ordersByDay', { from: '2026-11-03', to: '2026-11-03' })).toEqual([{ day: '2026-11-03', orders: 1, revenue_minor: 7000 }]);
  });

  it('funnel counts a visitor at a step only after every step before it, so it never rises', async () => {
    // C ordered without adding to the cart in the range: a viewer, not an orderer of this funnel.
    expect(await run('funnel')).toEqual([{ product_views: 4, add_to_carts: 2, checkouts: 1, orders: 1 }]);
  });

  it('vitals give the nearest-rank p75 per template and metric, within the range', async () => {
    expect(await run('vitals')).toEqual([
      { template: '/', metric: 'CLS', p75: 0.2, samples: 2 },
      { template: '/', metric: 'INP', p75: 120, samples: 1 },
      { template: '/p/[slug]', metric: 'LCP', p75: 3000, samples: 4 },
    ]);
  });

  it('topSearches and zeroResultSearches rank queries by count', async () => {
    expect(await run('topSearches')).toEqual([
      { q: 'mug', count: 3 },
      { q: 'teapot', count: 2 },
      { q: 'kettle', count: 1 },
    ]);
    expect(await run('zeroResultSearches')).toEqual([
      { q: 'teapot', count: 2 },
      { q: 'kettle', count: 1 },
    ]);
  });

  it('topProducts ranks by views with units added', async () => {
    expect(await run('topProducts')).toEqual([
      { product_id: 'p1', views: 4, units_added: 2 },
      { product_id: 'p2', views: 2, units_added: 1 },
    ]);
  });

  it('topPages counts views and distinct visitors per path, within the range', async () => {
    expect(await run('topPages')).toEqual([
      { path: '/', views: 3, visitors: 2 },
      { path: '/c/coffee', views: 1, visitors: 1 },
    ]);
  });

  it('experiments compare visitors on one side only, counting orders after exposure', async () => {
    const rows = await run('experiments');
    expect(rows).toEqual([
      { flag_key: 'top-sellers', variant: 'off', visitors: 2, converted: 0, revenue_minor: 0, revenue_sq: 0 },
      { flag_key: 'top-sellers', variant: 'on', visitors: 2, converted: 2, revenue_minor: 8000, revenue_sq: 5000 * 5000 + 3000 * 3000 },
    ]);
    const [result] = experimentResults(rows);
    expect(result).toMatchObject({
      flagKey: 'top-sellers',
      exposed: { visitors: 2, converted: 2, revenuePerVisitor: { amount: 4000 } },
      verdict: { kind: 'too-early' },
    });
  });

  it('answers an empty range with empty rows, and an empty lake without failing', async () => {
    expect(await run('ordersByDay', { from: '2026-10-01', to: '2026-10-02' })).toEqual([]);
    const empty = mkdtempSync(path.join(os.tmpdir(), 'analytics-empty-'));
    try {
      expect(await runOnDuckDb(empty, DASHBOARD_QUERIES.funnel, ['2026-11-01', '2026-11-02'])).toEqual([
        { product_views: 0, add_to_carts: 0, checkouts: 0, orders: 0 },
      ]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('builds the API summary with every day of the range', async () => {
    process.env.ANALYTICS_LAKE_DIR = lakeDir;
    resetConfigForTests();
    expect(await analyticsSummary({ from: '2026-10-31', to: '2026-11-02' })).toEqual({
      orders: 2,
      revenue: { amount: 8000, currency: 'USD' },
      averageOrderValue: { amount: 4000, currency: 'USD' },
      funnel: { productViews: 4, addToCarts: 2, checkouts: 1, orders: 1 },
      topSearches: [
        { q: 'mug', count: 3 },
        { q: 'teapot', count: 2 },
        { q: 'kettle', count: 1 },
      ],
      zeroResultSearches: [
        { q: 'teapot', count: 2 },
        { q: 'kettle', count: 1 },
      ],
      byDay: [
        { day: '2026-10-31', orders: 0, revenue: { amount: 0, currency: 'USD' } },
        { day: '2026-11-01', orders: 1, revenue: { amount: 5000, currency: 'USD' } },
        { day: '2026-11-02', orders: 1, revenue: { amount: 3000, currency: 'USD' } },
      ],
      vitals: [
        { template: '/p/[slug]', lcpP75: 3000, inpP75: null, clsP75: null, samples: 4 },
        { template: '/', lcpP75: null, inpP75: 120, clsP75: 0.2, samples: 2 },
      ],
    });
  });
});

describe('the Athena dialect', () => {
  const athena = (q: (typeof DASHBOARD_QUERIES)[keyof typeof DASHBOARD_QUERIES]) =>
    renderQuery(q, { engine: 'athena', database: 'storefront_analytics', table: 'events' });

  it('is the same text as DuckDB’s except for the events relation', () => {
    for (const q of Object.values(DASHBOARD_QUERIES)) {
      const duck = renderQuery(q, { engine: 'duckdb', parquetGlob: '/lake/events/dt=*/*.parquet' });
      expect(athena(q).split('"storefront_analytics"."events"').join('{{events}}')).toBe(q.sql);
      expect(duck).toContain('read_parquet(');
      expect(athena(q)).not.toMatch(/read_parquet|hive_|::|\bQUALIFY\b|\bILIKE\b|epoch_ms|strftime|list_|struct_/i);
    }
  });

  it('calls only functions both engines have', () => {
    for (const q of Object.values(DASHBOARD_QUERIES)) {
      const calls = [...q.sql.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)].map((m) => m[1]!.toLowerCase());
      const keywords = new Set(['as', 'in', 'and', 'or', 'not', 'on', 'from', 'where', 'join', 'select', 'over']);
      const functions = calls.filter((c) => !keywords.has(c) && !/^(orders|exposed|per_visitor)$/.test(c));
      for (const f of functions) expect(PORTABLE_FUNCTIONS, `${q.name} calls ${f}`).toContain(f);
    }
  });
});
