// Every dashboard query, written once. The SQL is the subset DuckDB and Athena (Trino) share: plain aggregates,
// CASE, CAST, COALESCE, joins and CTEs, `?` parameters, no engine functions. The only engine-specific piece is
// where the events live, the `{{events}}` relation, mapped per engine in one place (engine-sql.ts). Days are the
// `dt` partition (YYYY-MM-DD text), so every query prunes partitions with `dt BETWEEN ? AND ?` on both engines
// and no date function is needed at all. Orders are counted once per order id: Firehose delivers at least once.

export type ColumnKind = 'text' | 'int' | 'real';

export type DashboardQuery = {
  name: string;
  /** Parameters in order; `from` and `to` are the range's first and last day. */
  params: readonly ('from' | 'to')[];
  columns: Readonly<Record<string, ColumnKind>>;
  sql: string;
};

const range = ['from', 'to'] as const;

const ordersByDay: DashboardQuery = {
  name: 'ordersByDay',
  params: range,
  columns: { day: 'text', orders: 'int', revenue_minor: 'int' },
  sql: `WITH orders AS (
  SELECT order_id, MIN(dt) AS day, MAX(value_minor) AS value_minor
  FROM {{events}}
  WHERE dt BETWEEN ? AND ? AND type = 'order-placed'
  GROUP BY order_id
)
SELECT day, COUNT(*) AS orders, SUM(value_minor) AS revenue_minor
FROM orders
GROUP BY day
ORDER BY day`,
};

// Sequential, per visitor: a visitor counts at a step only if they also reached every step before it in the range
// (API.md "Back office"), so each step is at most the one before. Counting each step's visitors on its own let
// server-side steps (orders, carts) outnumber the consented client-side product views: a funnel that rose. A placed
// order counts as a started checkout too: a buyer who checks out through the API (an agent, a script) never renders
// the checkout page that records the start.
const funnel: DashboardQuery = {
  name: 'funnel',
  params: range,
  columns: { product_views: 'int', add_to_carts: 'int', checkouts: 'int', orders: 'int' },
  sql: `WITH steps AS (
  SELECT visitor_id,
    MAX(CASE WHEN type = 'product-view' THEN 1 ELSE 0 END) AS viewed,
    MAX(CASE WHEN type = 'add-to-cart' THEN 1 ELSE 0 END) AS added,
    MAX(CASE WHEN type IN ('checkout-started', 'order-placed') THEN 1 ELSE 0 END) AS checked_out,
    MAX(CASE WHEN type = 'order-placed' THEN 1 ELSE 0 END) AS ordered
  FROM {{events}}
  WHERE dt BETWEEN ? AND ? AND type IN ('product-view', 'add-to-cart', 'checkout-started', 'order-placed')
  GROUP BY visitor_id
)
SELECT
  COALESCE(SUM(viewed), 0) AS product_views,
  COALESCE(SUM(viewed * added), 0) AS add_to_carts,
  COALESCE(SUM(viewed * added * checked_out), 0) AS checkouts,
  COALESCE(SUM(viewed * added * checked_out * ordered), 0) AS orders
FROM steps`,
};

const topSearches: DashboardQuery = {
  name: 'topSearches',
  params: range,
  columns: { q: 'text', count: 'int' },
  sql: `SELECT query AS q, COUNT(*) AS count
FROM {{events}}
WHERE dt BETWEEN ? AND ? AND type = 'search'
GROUP BY query
ORDER BY count DESC, q
LIMIT 10`,
};

const zeroResultSearches: DashboardQuery = {
  name: 'zeroResultSearches',
  params: range,
  columns: { q: 'text', count: 'int' },
  sql: `SELECT query AS q, COUNT(*) AS count
FROM {{events}}
WHERE dt BETWEEN ? AND ? AND type = 'search' AND zero_results
GROUP BY query
ORDER BY count DESC, q
LIMIT 10`,
};

const topProducts: DashboardQuery = {
  name: 'topProducts',
  params: range,
  columns: { product_id: 'text', views: 'int', units_added: 'int' },
  sql: `SELECT product_id,
  SUM(CASE WHEN type = 'product-view' THEN 1 ELSE 0 END) AS views,
  SUM(CASE WHEN type = 'add-to-cart' THEN quantity ELSE 0 END) AS units_added
FROM {{events}}
WHERE dt BETWEEN ? AND ? AND type IN ('product-view', 'add-to-cart')
GROUP BY product_id
ORDER BY views DESC, units_added DESC, product_id
LIMIT 10`,
};

// Where shoppers go: page views (the beacon's) and distinct visitors per path.
const topPages: DashboardQuery = {
  name: 'topPages',
  params: range,
  columns: { path: 'text', views: 'int', visitors: 'int' },
  sql: `SELECT path, COUNT(*) AS views, COUNT(DISTINCT visitor_id) AS visitors
FROM {{events}}
WHERE dt BETWEEN ? AND ? AND type = 'page-view'
GROUP BY path
ORDER BY views DESC, visitors DESC, path
LIMIT 10`,
};

// Per flag and side: the visitors exposed to only that side (a visitor seen on both, say before and after
// signing in, is left out), how many ordered after their first exposure, and their revenue with its sum of
// squares for the confidence interval of revenue per visitor (experiment-stats.ts).
const experiments: DashboardQuery = {
  name: 'experiments',
  params: ['from', 'to', 'from', 'to'],
  columns: { flag_key: 'text', variant: 'text', visitors: 'int', converted: 'int', revenue_minor: 'int', revenue_sq: 'real' },
  sql: `WITH exposed AS (
  SELECT flag_key, visitor_id, MIN(flag_variant) AS variant, MAX(flag_variant) AS last_variant, MIN(at_ms) AS first_at
  FROM {{events}}
  WHERE dt BETWEEN ? AND ? AND type = 'flag-exposure'
  GROUP BY flag_key, visitor_id
),
orders AS (
  SELECT visitor_id, order_id, MIN(at_ms) AS at_ms, MAX(value_minor) AS value_minor
  FROM {{events}}
  WHERE dt BETWEEN ? AND ? AND type = 'order-placed'
  GROUP BY visitor_id, order_id
),
per_visitor AS (
  SELECT e.flag_key, e.variant, e.visitor_id, COUNT(o.order_id) AS orders, COALESCE(SUM(o.value_minor), 0) AS revenue_minor
  FROM exposed e
  LEFT JOIN orders o ON o.visitor_id = e.visitor_id AND o.at_ms >= e.first_at
  WHERE e.variant = e.last_variant
  GROUP BY e.flag_key, e.variant, e.visitor_id
)
SELECT flag_key, variant, COUNT(*) AS visitors,
  SUM(CASE WHEN orders > 0 THEN 1 ELSE 0 END) AS converted,
  SUM(revenue_minor) AS revenue_minor,
  SUM(CAST(revenue_minor AS DOUBLE) * CAST(revenue_minor AS DOUBLE)) AS revenue_sq
FROM per_visitor
GROUP BY flag_key, variant
ORDER BY flag_key, variant`,
};

// Real-user Core Web Vitals: the 75th percentile per page template and metric, by nearest rank (the smallest value
// at or above three quarters of the samples), with window functions both engines have; their percentile
// functions differ (quantile_cont, approx_percentile).
const vitals: DashboardQuery = {
  name: 'vitals',
  params: range,
  columns: { template: 'text', metric: 'text', p75: 'real', samples: 'int' },
  sql: `WITH ranked AS (
  SELECT template, metric, metric_value,
    ROW_NUMBER() OVER (PARTITION BY template, metric ORDER BY metric_value) AS rank_in,
    COUNT(*) OVER (PARTITION BY template, metric) AS samples
  FROM {{events}}
  WHERE dt BETWEEN ? AND ? AND type = 'web-vital'
)
SELECT template, metric, MIN(metric_value) AS p75, MAX(samples) AS samples
FROM ranked
WHERE rank_in * 4 >= samples * 3
GROUP BY template, metric
ORDER BY template, metric`,
};

export const DASHBOARD_QUERIES = { ordersByDay, funnel, topSearches, zeroResultSearches, topProducts, topPages, experiments, vitals } as const;
export type DashboardQueryName = keyof typeof DASHBOARD_QUERIES;

/** The SQL functions the queries may call: each exists, with the same meaning, in DuckDB and in Athena. */
export const PORTABLE_FUNCTIONS = ['count', 'sum', 'min', 'max', 'coalesce', 'cast', 'row_number'] as const;
