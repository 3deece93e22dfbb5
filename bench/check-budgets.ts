// The budgets, judged against one run. Benchmarks, not tests: a miss is reported, never thrown.
import type { BenchResult, BudgetCheck } from './bench-result';

export function checkBudgets(r: Omit<BenchResult, 'budgets'>): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  // Issue 17: catalog pages through the CDN at static speed, and at the origin (a CDN miss) at a quarter of it.
  for (const name of ['home', 'category', 'product']) {
    const origin = r.load.find((l) => l.name === name);
    if (origin) {
      checks.push({
        budget: `${name} page at the origin (CDN miss) ≥ 0.25× static`,
        measured: `${origin.ratioToStatic.requestsPerSecond.toFixed(2)}× (${origin.requestsPerSecond.toFixed(0)} vs ${(origin.requestsPerSecond / origin.ratioToStatic.requestsPerSecond).toFixed(0)} req/s), p99 ${origin.p99Ms} ms`,
        met: origin.ratioToStatic.requestsPerSecond >= 0.25 && origin.errors === 0,
        ...(origin.errors > 0 ? { note: `${origin.errors} failed requests` } : {}),
      });
    }
    const cdn = r.load.find((l) => l.name === `${name} via CDN`);
    if (cdn) {
      checks.push({
        budget: `${name} page through the CDN ≥ 0.9× static, p99 ≤ 150 ms at ${r.settings.connections} connections`,
        measured: `${cdn.ratioToStatic.requestsPerSecond.toFixed(2)}× (${cdn.requestsPerSecond.toFixed(0)} req/s), p99 ${cdn.p99Ms} ms`,
        met: cdn.ratioToStatic.requestsPerSecond >= 0.9 && cdn.p99Ms <= 150 && cdn.errors === 0,
        ...(cdn.errors > 0 ? { note: `${cdn.errors} failed requests` } : {}),
      });
    }
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
