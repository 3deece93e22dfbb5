// The budgets, judged against one run. Benchmarks, not tests: a miss is reported, never thrown.
import type { BenchResult, BudgetCheck } from './bench-result';

const pct = (r: number) => `${(r * 100).toFixed(0)}%`;

export function checkBudgets(r: Omit<BenchResult, 'budgets'>): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  for (const name of ['product', 'category']) {
    const row = r.load.find((l) => l.name === name);
    if (!row) continue;
    checks.push({
      budget: `${name} page throughput ≥ 50% of static`,
      measured: `${pct(row.ratioToStatic.requestsPerSecond)} (${row.requestsPerSecond.toFixed(0)} vs ${(row.requestsPerSecond / row.ratioToStatic.requestsPerSecond).toFixed(0)} req/s)`,
      met: row.ratioToStatic.requestsPerSecond >= 0.5 && row.errors === 0,
      ...(row.errors > 0 ? { note: `${row.errors} failed requests` } : {}),
    });
    checks.push({
      budget: `${name} page p99 ≤ 150 ms at ${r.settings.connections} connections`,
      measured: `${row.p99Ms} ms`,
      met: row.p99Ms <= 150,
    });
  }
  for (const lh of r.lighthouse) {
    const perfOk = (lh.performance ?? 0) >= 95;
    const restOk = lh.accessibility === 100 && lh.bestPractices === 100 && lh.seo === 100;
    checks.push({
      budget: `Lighthouse ${lh.path}: performance ≥ 95, a11y/best practices/SEO = 100`,
      measured: lh.error && lh.performance === null ? `failed: ${lh.error}` : `${lh.performance} / ${lh.accessibility} / ${lh.bestPractices} / ${lh.seo}`,
      met: perfOk && restOk,
    });
  }
  for (const path of ['/', '/c/', '/p/']) {
    const lh = r.lighthouse.find((l) => (path === '/' ? l.path === '/' : l.path.startsWith(path)));
    if (!lh) continue;
    checks.push({ budget: `Lighthouse performance ≥ 90 on ${lh.path} (foundation issue)`, measured: String(lh.performance), met: (lh.performance ?? 0) >= 90 });
  }
  const product = r.firstLoadJs.find((j) => j.route === '/p/[slug]');
  if (product) {
    checks.push({
      budget: 'first-load JS ≤ 130 kB gzipped on /p/[slug]',
      measured: `${(product.gzipBytes / 1000).toFixed(1)} kB`,
      met: product.gzipBytes <= 130_000,
    });
  }
  if (r.search.queries.length > 0) {
    const worstCpu = Math.max(...r.search.queries.map((q) => q.cpuP95Ms));
    const worstWall = Math.max(...r.search.queries.map((q) => q.wallP95Ms));
    const worstWallP50 = Math.max(...r.search.queries.map((q) => q.wallP50Ms));
    checks.push({
      budget: `search ≤ 10 ms server time at ${r.search.products.toLocaleString('en')} products`,
      measured: `slowest query type: CPU p95 ${worstCpu.toFixed(1)} ms; wall p50 ${worstWallP50.toFixed(1)} ms, p95 ${worstWall.toFixed(1)} ms`,
      met: worstCpu <= 10,
      note: 'judged on CPU time (the query\u2019s own work); wall time includes waiting for the shared cores',
    });
  }
  return checks;
}
