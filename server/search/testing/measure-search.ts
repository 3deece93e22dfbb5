// Measures the in-memory index at catalog scale: build time, heap growth and per-query latency.
// A measurement, not a test (timings on shared CI machines are not assertions):
//   node --single-threaded --conditions=react-server --expose-gc --import tsx server/search/testing/measure-search.ts [count]
// (--single-threaded keeps GC and JIT work on the main thread, so process CPU time is the query's own; bench/search-timing.ts)
// (react-server resolves `server-only` to its empty build, as Next does for server code.)
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import type { SearchParams } from '../contract';
import { ProductSearchIndex } from '../product-search-index';
import { runSearch } from '../run-search';
import { toSearchEntry, toSearchText } from '../search-document';
import { searchTextOptions } from '../text-matching';
import { FIXTURE_CATEGORIES, syntheticProducts } from './product-fixtures';

const count = Number(process.argv[2] ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

const records = syntheticProducts(count);
const heapBefore = heapUsed();
const buildStart = performance.now();
const index = new ProductSearchIndex(FIXTURE_CATEGORIES);
for (const r of records) index.upsert(r);
const buildMs = performance.now() - buildStart;
// Keep the records reachable until after the second reading, so only the index itself is measured.
const heapAfter = heapUsed();
const indexMiB = (heapAfter - heapBefore) / 1024 / 1024;

const queries: { label: string; params: SearchParams }[] = [
  { label: 'one word', params: { q: 'headphones' } },
  { label: 'typo', params: { q: 'hedphones' } },
  { label: 'swapped letters', params: { q: 'rnuning sohes' } },
  { label: 'prefix', params: { q: 'head' } },
  { label: 'three words', params: { q: 'wireless black earbuds' } },
  { label: 'words + filters', params: { q: 'running shoes', minPrice: 5_000, maxPrice: 20_000, inStock: true, minRating: 3 } },
  { label: 'browse all, price sort', params: { q: '', sort: 'price-asc' } },
  { label: 'browse category', params: { q: '', category: 'audio', sort: 'rating' } },
  { label: 'deep page', params: { q: 'classic', limit: 100 } },
  { label: 'zero hits (suggestions)', params: { q: 'qqzzvx hedfones' } },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

console.log(`products: ${count}`);
console.log(`build: ${buildMs.toFixed(0)} ms, heap growth: ${indexMiB.toFixed(1)} MiB (${((indexMiB * 1024 * 1024) / count / 1024).toFixed(2)} KiB/product)`);
// Wall time suffers when other processes share the two cores; CPU time is this query's own work.
console.log('query                         hits  wall p50  wall p95   cpu p50   cpu p95  (ms)');
for (const { label, params } of queries) {
  for (let i = 0; i < 20; i++) runSearch(index, params); // warm up the JIT
  const wall: number[] = [];
  const cpu: number[] = [];
  let total = 0;
  for (let i = 0; i < 200; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    total = runSearch(index, params).total;
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const cols = [percentile(wall, 50), percentile(wall, 95), percentile(cpu, 50), percentile(cpu, 95)];
  console.log(`${label.padEnd(28)} ${String(total).padStart(6)} ${cols.map((v) => v.toFixed(2).padStart(9)).join('')}`);
}
if (records.length !== index.size) throw new Error('index lost products');

// What an S3 snapshot of this index would weigh and cost to load (docs/search.md, "On AWS").
const text = new MiniSearch(searchTextOptions);
text.addAll(records.map((r) => toSearchText(r, r.category)));
const snapshot = JSON.stringify({ text, entries: records.map(toSearchEntry) });
const loadStart = performance.now();
const parsed = JSON.parse(snapshot) as { text: unknown; entries: unknown[] };
const loaded = MiniSearch.loadJSON(JSON.stringify(parsed.text), searchTextOptions);
const loadMs = performance.now() - loadStart;
console.log(
  `snapshot: ${(snapshot.length / 1024 / 1024).toFixed(1)} MiB JSON, ${(gzipSync(snapshot).length / 1024 / 1024).toFixed(1)} MiB gzipped, ` +
    `load ${loadMs.toFixed(0)} ms (${loaded.documentCount} documents)`,
);
