import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DASHBOARD_QUERIES } from '../server/analytics/dashboard-queries';
import { withDuckDb } from '../server/analytics/duckdb-connection';
import { runOnDuckDb } from '../server/analytics/duckdb-engine';
import { eventsRoot } from '../server/analytics/local-lake-writer';

// `npm run bench:analytics [-- --events 5000000 --runs 3]`: every dashboard query on DuckDB over one simulated
// month of events in the local lake's layout (dt=YYYY-MM-DD Parquet folders), for the whole month and for one week
// (partition pruning). The data is generated inside DuckDB (deterministic hashes, no randomness), written once to a
// temp folder and removed afterwards. Reports the median of `runs` per query; numbers go in docs/analytics.md.

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
}

const EVENTS = arg('events', 5_000_000);
const RUNS = arg('runs', 3);
const MONTH_START = Date.parse('2026-11-01T00:00:00Z');
const MONTH_MS = 30 * 86_400_000;

// One month of traffic shaped like the shop's: mostly views, some searches (10% of them finding nothing), a few
// percent add-to-cart, ~2% orders, and exposures to one flag at a 50% rollout; 200k visitors, 500 products.
const GENERATE = `
COPY (
  SELECT
    1 AS v,
    'e-' || CAST(i AS VARCHAR) AS event_id,
    CASE WHEN k < 15 THEN 'page-view' WHEN k < 60 THEN 'product-view' WHEN k < 72 THEN 'search' WHEN k < 82 THEN 'add-to-cart'
         WHEN k < 86 THEN 'checkout-started' WHEN k < 88 THEN 'order-placed' ELSE 'flag-exposure' END AS type,
    at_ms,
    'v_' || lpad(CAST(visitor AS VARCHAR), 22, '0') AS visitor_id,
    visitor % 3 = 0 AS signed_in,
    CASE WHEN k < 15 THEN '/c/category-' || CAST(h3 % 12 AS VARCHAR) END AS path,
    CASE WHEN k >= 15 AND k < 60 OR k >= 72 AND k < 82 THEN 'p-' || CAST(h3 % 500 AS VARCHAR) END AS product_id,
    CASE WHEN k >= 60 AND k < 72 THEN 'query ' || CAST(h3 % 2000 AS VARCHAR) END AS query,
    CASE WHEN k >= 60 AND k < 72 THEN CAST(CASE WHEN h3 % 10 = 0 THEN 0 ELSE h3 % 40 + 1 END AS INTEGER) END AS result_count,
    CASE WHEN k >= 60 AND k < 72 THEN h3 % 10 = 0 END AS zero_results,
    CASE WHEN k >= 72 AND k < 82 THEN CAST(h3 % 3 + 1 AS INTEGER) END AS quantity,
    CASE WHEN k >= 82 AND k < 88 THEN CAST(h3 % 4 + 1 AS INTEGER) END AS item_count,
    CASE WHEN k >= 86 AND k < 88 THEN 'o-' || CAST(i AS VARCHAR) END AS order_id,
    CASE WHEN k >= 86 AND k < 88 THEN CAST(1000 + h3 % 20000 AS BIGINT) END AS value_minor,
    CASE WHEN k >= 86 AND k < 88 THEN 'USD' END AS currency,
    CASE WHEN k >= 88 THEN 'top-sellers' END AS flag_key,
    CASE WHEN k >= 88 THEN CASE WHEN visitor % 2 = 0 THEN 'on' ELSE 'off' END END AS flag_variant,
    CASE WHEN k >= 88 THEN CAST(visitor % 10000 AS INTEGER) END AS flag_bucket,
    CASE WHEN k >= 88 THEN 50.0 END AS rollout_percent,
    strftime(make_timestamp(at_ms * 1000), '%Y-%m-%d') AS dt
  FROM (
    SELECT i, hash(i) % 100 AS k, hash(i * 7 + 1) % 200000 AS visitor, hash(i * 13 + 5) AS h3,
           ${MONTH_START} + CAST(i * (${MONTH_MS} / ${EVENTS}.0) AS BIGINT) AS at_ms
    FROM range(${EVENTS}) t(i)
  )
) TO '{root}' (FORMAT parquet, PARTITION_BY (dt), FILENAME_PATTERN 'events-{uuid}')`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith('.parquet'))
    .reduce((n, f) => n + statSync(f).size, 0);
}

async function main(): Promise<void> {
  const lakeDir = mkdtempSync(path.join(os.tmpdir(), 'analytics-bench-'));
  try {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await withDuckDb((c) => c.run(GENERATE.replace('{root}', eventsRoot(lakeDir))));
    const generateMs = performance.now() - t0;
    const generateCpu = process.cpuUsage(c0);
    const bytes = folderBytes(eventsRoot(lakeDir));
    console.log(
      `${EVENTS.toLocaleString('en-US')} events over 30 days: generated and written in ${(generateMs / 1000).toFixed(1)} s (CPU ${((generateCpu.user + generateCpu.system) / 1e6).toFixed(1)} s), ${(bytes / 1e6).toFixed(0)} MB of Parquet`,
    );
    const ranges = { month: ['2026-11-01', '2026-11-30'], week: ['2026-11-10', '2026-11-16'] } as const;
    // Wall time and the process's CPU time (DuckDB's threads included): on a shared, loaded machine the CPU time is
    // the steadier number.
    console.log('| query | month, wall ms | month, CPU ms | week, wall ms | week, CPU ms |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const q of Object.values(DASHBOARD_QUERIES)) {
      const times: Record<string, number> = {};
      const cpu: Record<string, number> = {};
      for (const [label, [from, to]] of Object.entries(ranges)) {
        const params = q.params.map((p) => (p === 'from' ? from : to));
        await runOnDuckDb(lakeDir, q, params); // warm: file metadata and the OS cache
        const runs: number[] = [];
        const cpus: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          const t = performance.now();
          const c = process.cpuUsage();
          await runOnDuckDb(lakeDir, q, params);
          runs.push(performance.now() - t);
          const used = process.cpuUsage(c);
          cpus.push((used.user + used.system) / 1000);
        }
        times[label] = median(runs);
        cpu[label] = median(cpus);
      }
      console.log(`| ${q.name} | ${times.month!.toFixed(0)} | ${cpu.month!.toFixed(0)} | ${times.week!.toFixed(0)} | ${cpu.week!.toFixed(0)} |`);
    }
  } finally {
    rmSync(lakeDir, { recursive: true, force: true });
  }
}

await main();
