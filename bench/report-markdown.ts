// bench/results/latest.md: the run as Markdown tables (also printed).
import type { BenchResult } from './bench-result';

const n = (v: number | null | undefined, digits = 0) => (typeof v === 'number' ? v.toFixed(digits) : '–');
const x = (v: number) => `${v.toFixed(2)}×`;

export function toMarkdown(r: BenchResult): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`# Benchmark ${r.date}`);
  lines.push('');
  lines.push(
    `Machine: ${m.cpuCount} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; commit ${m.gitCommit?.slice(0, 10) ?? '?'}${m.gitDirty ? ' (uncommitted changes in the tree)' : ''}. ` +
      `Load average (1 min) ${m.loadAverage.start} at start, ${m.loadAverage.end ?? '?'} at end: the cores are shared, so quote ratios, not absolute figures.`,
  );
  lines.push(
    `Production build (\`next build\` into node_modules/.cache/storefront-bench, ${r.settings.build}) + \`next start\` on the in-memory local stack with the demo catalog` +
      `${r.settings.catalogProducts ? ` (${r.settings.catalogProducts.toLocaleString('en')} products)` : ''}; autocannon from the same machine to 127.0.0.1, ` +
      `${r.settings.connections} connections, ${r.settings.durationSeconds} s per target after a warm-up. Lighthouse ${r.settings.lighthouse}, mobile, simulated throttling, run before the load on the warm server; each page audited several times and the median run kept.`,
  );
  lines.push('');
  lines.push('## Throughput and latency');
  lines.push('');
  lines.push('| target | req/s | × static | p50 ms | p99 ms | p99 × static | errors |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const l of r.load) {
    lines.push(
      `| ${l.name}: ${l.method === 'GET' ? '' : `${l.method} `}\`${l.path}\` | ${n(l.requestsPerSecond)} | ${x(l.ratioToStatic.requestsPerSecond)} | ${n(l.p50Ms)} | ${n(l.p99Ms)} | ${x(l.ratioToStatic.p99)} | ${l.errors} |`,
    );
  }
  lines.push('');
  lines.push(
    '"via CDN" rows go through Varnish (bench/varnish.ts, configured like the CloudFront cache policy: no cookies, key = URL + rsc, TTL from the origin\u2019s s-maxage) and are cache hits; the same pages without it are origin renders (CDN misses). Ratios are to the static file served by the origin.',
  );
  lines.push('');
  lines.push('POST /api/cart/items sends no cookie, so every request creates a new guest cart (one DynamoDB write path per request).');
  lines.push('');
  lines.push('## Lighthouse (mobile)');
  lines.push('');
  lines.push(
    '| page | performance (median; all runs) | accessibility | best practices | SEO | LCP ms | TBT ms | CPU benchmark index | audits that cost points (not performance) |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const s of r.lighthouse) {
    const runs = s.performanceRuns && s.performanceRuns.length > 1 ? ` (${s.performanceRuns.map((p) => n(p)).join(', ')})` : '';
    lines.push(
      `| \`${s.path}\` | ${n(s.performance)}${runs} | ${n(s.accessibility)} | ${n(s.bestPractices)} | ${n(s.seo)} | ${n(s.lcpMs)} | ${n(s.tbtMs)} | ${n(s.benchmarkIndex ?? null)} | ${(s.failedAudits ?? []).join(', ')}${s.error ? ` ${s.error}` : ''} |`,
    );
  }
  if (r.lighthouse.length === 0) lines.push('| (skipped) | | | | | | | | |');
  lines.push('');
  lines.push('## First-load JavaScript (from the build manifests)');
  lines.push('');
  lines.push('| route | chunks | raw kB | gzipped kB | of which shared (React + Next runtime) | brotli kB |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const j of r.firstLoadJs)
    lines.push(
      `| \`${j.route}\` | ${j.files} | ${n(j.rawBytes / 1000, 1)} | ${n(j.gzipBytes / 1000, 1)} | ${n(j.sharedGzipBytes / 1000, 1)} | ${n(j.brotliBytes / 1000, 1)} |`,
    );
  lines.push('');
  lines.push(`## Search at ${r.search.products.toLocaleString('en')} products (in-process, server/search/testing/measure-search.ts)`);
  lines.push('');
  lines.push('| query | hits | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const q of r.search.queries)
    lines.push(`| ${q.label} | ${q.hits} | ${n(q.wallP50Ms, 2)} | ${n(q.wallP95Ms, 2)} | ${n(q.cpuP50Ms, 2)} | ${n(q.cpuP95Ms, 2)} |`);
  lines.push('');
  if (r.searchColdStart && r.searchColdStart.length > 0) {
    lines.push('## Search index at a cold start: full Scan vs S3 snapshot (server/search/testing/measure-cold-start.ts)');
    lines.push('');
    lines.push('| products | Scan + build ms | snapshot ms | of which pointer / GET / gunzip / parse / load ms | JSON MiB | gzipped MiB |');
    lines.push('| ---: | ---: | ---: | --- | ---: | ---: |');
    for (const c of r.searchColdStart)
      lines.push(
        `| ${c.products.toLocaleString('en')} | ${n(c.scanMs, 0)} | ${n(c.snapshotMs, 0)} | ${[c.pointerMs, c.getMs, c.gunzipMs, c.parseMs, c.loadMs].map((v) => n(v, 0)).join(' / ')} | ${n(c.jsonBytes / 1024 / 1024, 1)} | ${n(c.gzipBytes / 1024 / 1024, 1)} |`,
      );
    lines.push('');
  }
  lines.push('## Budgets');
  lines.push('');
  lines.push('| budget | measured | |');
  lines.push('| --- | --- | --- |');
  for (const b of r.budgets) lines.push(`| ${b.budget} | ${b.measured}${b.note ? ` (${b.note})` : ''} | ${b.met ? 'met' : '**missed**'} |`);
  lines.push('');
  return lines.join('\n');
}
