// npm run bench: the production build on the local stack under load, Lighthouse on the main pages, first-load JS
// from the build, search time at 10,000 products; writes bench/results/latest.json and latest.md and judges the
// budgets. A benchmark, never a test: misses are reported, the exit code only says whether the run itself worked.
//
//   npm run bench [-- --duration 8] [--connections 20] [--no-build] [--dist-dir .next] [--no-lighthouse] [--lighthouse-runs 3] [--port 3291]
//                 [--compare bench/results/previous.json.tmp]
//   npm run bench -- --compare-only --compare old.json     # no run: latest.json against old.json
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort } from '../local/ports';
import { parseBenchArgs } from './bench-args';
import type { BenchResult, LoadRow } from './bench-result';
import { type BenchServer, startBenchServer } from './bench-server';
import { BENCH_DIST_DIR, buildOnce } from './build-once';
import { checkBudgets } from './check-budgets';
import { compareResults } from './compare-results';
import { discoverTargets } from './discover-targets';
import { firstLoadJs } from './first-load-js';
import { auditPages, type LighthouseScores } from './lighthouse-audit';
import { type LoadResult, type LoadTarget, runLoad, warm } from './load-test';
import { loadNow, machineInfo } from './machine-info';
import { toMarkdown } from './report-markdown';
import { measureSearchColdStart } from './search-cold-start';
import { measureSearch } from './search-timing';
import { type Cdn, findVarnishd, servesFromCache, startVarnish, VARNISH_MISSING } from './varnish';

const RESULTS_DIR = 'bench/results';
const LATEST_JSON = path.join(RESULTS_DIR, 'latest.json');
const STATIC_PATH = '/bench-static.txt';

const args = parseBenchArgs(process.argv.slice(2));

function readResult(file: string): BenchResult {
  return JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
}

if (args.compareOnly) {
  if (!args.compare) throw new Error('--compare-only needs --compare <previous.json>');
  console.log(compareResults(readResult(LATEST_JSON), readResult(args.compare)));
  process.exit(0);
}
// Read the baseline before this run can overwrite it (comparing against latest.json itself is allowed).
const previous = args.compare ? readResult(args.compare) : undefined;

const machine = machineInfo();
console.log(`bench: ${machine.cpuCount} × ${machine.cpuModel}, load average ${machine.loadAverage.start}`);
const distDir = args.distDir ?? BENCH_DIST_DIR;
const build = args.distDir ? 'reused' : await buildOnce({ reuse: args.noBuild });
console.log(`build: ${build} (${distDir})`);
const varnishd = findVarnishd();
if (!varnishd) console.log(VARNISH_MISSING);

let server: BenchServer | undefined;
let cdn: Cdn | undefined;
const stopServer = async () => {
  await cdn?.stop();
  cdn = undefined;
  await server?.stop();
};
// Ctrl-C or a kill still takes the server's process group down with the bench.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopServer().finally(() => process.exit(130)));
}

let result: BenchResult;
try {
  server = await startBenchServer(args.port, distDir);
  const origin = server.origin;
  console.log(`server ready at ${origin}`);
  const targets = await discoverTargets(origin);

  const loadTargets: LoadTarget[] = [
    { name: 'static', path: STATIC_PATH },
    { name: 'home', path: '/' },
    { name: 'category', path: `/c/${targets.categorySlug}` },
    { name: 'product', path: `/p/${targets.productSlug}` },
    { name: 'search-page', path: `/search?q=${encodeURIComponent(targets.searchWord)}` },
    { name: 'search-api', path: `/api/search?q=${encodeURIComponent(targets.searchWord)}` },
    {
      name: 'cart-add',
      path: '/api/cart/items',
      method: 'POST',
      // Same-origin mutation: the route checks Origin against SITE_URL, which serve.ts sets to this origin.
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ productId: targets.productId, variantId: targets.variantId, quantity: 1 }),
    },
  ];
  for (const t of loadTargets) await warm(origin, t);

  // The catalog pages through the CDN stand-in (hits); the rows above are the same pages at the origin (misses).
  const cdnTargets: LoadTarget[] = [];
  if (varnishd) {
    cdn = await startVarnish(varnishd, await freePort(), Number(new URL(origin).port));
    console.log(`varnish ready at ${cdn.origin}`);
    for (const t of loadTargets.filter((l) => ['home', 'category', 'product'].includes(l.name))) {
      if (!(await servesFromCache(cdn.origin, t.path))) throw new Error(`varnish does not cache ${t.path}: check its Cache-Control and Set-Cookie`);
      cdnTargets.push({ ...t, name: `${t.name} via CDN` });
    }
  }

  // Lighthouse first, on a warm but quiet server: after the load runs, DynamoDB Local and the server are still
  // digesting queued writes (guest carts, interaction events) and the scores would measure that backlog instead.
  let lighthouse: LighthouseScores[] = [];
  if (!args.skipLighthouse) {
    lighthouse = await auditPages(
      origin,
      [
        { name: 'home', path: '/' },
        { name: 'category', path: `/c/${targets.categorySlug}` },
        { name: 'product', path: `/p/${targets.productSlug}` },
        { name: 'search', path: `/search?q=${encodeURIComponent(targets.searchWord)}` },
        { name: 'cart', path: '/cart' },
      ],
      args.lighthouseRuns,
    );
  }

  const measured: LoadResult[] = [];
  for (const [t, at] of [...loadTargets.map((l) => [l, origin] as const), ...cdnTargets.map((l) => [l, cdn!.origin] as const)]) {
    const r = await runLoad(at, t, { connections: args.connections, duration: args.duration });
    console.log(`  ${t.method ?? 'GET'} ${t.path}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}`);
    measured.push(r);
  }
  const base = measured[0]!;
  const load: LoadRow[] = measured.map((r) => ({
    ...r,
    ratioToStatic: {
      requestsPerSecond: r.requestsPerSecond / base.requestsPerSecond,
      p50: r.p50Ms / Math.max(base.p50Ms, 1),
      p99: r.p99Ms / Math.max(base.p99Ms, 1),
    },
  }));

  await stopServer();
  server = undefined;

  // After the server is gone, so the in-process timing does not compete with it for the two cores.
  const search = await measureSearch(10_000);
  // Its own stack (DynamoDB Local + fauxqs S3), also after the server is gone.
  const searchColdStart = await measureSearchColdStart([10_000, 50_000]);
  const require = createRequire(import.meta.url);
  const lighthouseVersion = (require('lighthouse/package.json') as { version: string }).version;
  machine.loadAverage.end = loadNow();
  const partial: Omit<BenchResult, 'budgets'> = {
    date: new Date().toISOString(),
    machine,
    settings: { connections: args.connections, durationSeconds: args.duration, lighthouse: lighthouseVersion, build, catalogProducts: targets.catalogProducts },
    targets: { categorySlug: targets.categorySlug, productSlug: targets.productSlug, searchWord: targets.searchWord },
    load,
    lighthouse,
    firstLoadJs: firstLoadJs(distDir, ['/', '/c/[category]', '/p/[slug]', '/search', '/cart']),
    search,
    searchColdStart,
  };
  result = { ...partial, budgets: checkBudgets(partial) };
} finally {
  await stopServer();
}

mkdirSync(RESULTS_DIR, { recursive: true });
// Keep the run this one replaces, so `--compare bench/results/previous.json.tmp` works without bookkeeping.
if (existsSync(LATEST_JSON)) copyFileSync(LATEST_JSON, path.join(RESULTS_DIR, 'previous.json.tmp'));
writeFileSync(LATEST_JSON, `${JSON.stringify(result, null, 2)}\n`);
let markdown = toMarkdown(result);
if (previous) markdown += `\n${compareResults(result, previous)}`;
writeFileSync(path.join(RESULTS_DIR, 'latest.md'), markdown);
console.log(`\n${markdown}`);
const missed = result.budgets.filter((b) => !b.met).length;
console.log(`${result.budgets.length - missed} budgets met, ${missed} missed. Wrote ${LATEST_JSON} and ${RESULTS_DIR}/latest.md.`);
