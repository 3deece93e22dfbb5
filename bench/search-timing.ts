// Search server time at 10,000 products: server/search/testing/measure-search.ts builds the same in-memory index
// the app serves from over synthetic products and times runSearch per query type (wall and CPU, in-process, so
// no HTTP or rendering). Run as a child with --conditions=react-server so `server-only` resolves as in Next.
import { spawn } from 'node:child_process';

export interface SearchQueryTiming {
  label: string;
  hits: number;
  wallP50Ms: number;
  wallP95Ms: number;
  cpuP50Ms: number;
  cpuP95Ms: number;
}

export interface SearchTiming {
  products: number;
  buildMs: number | null;
  queries: SearchQueryTiming[];
}

export async function measureSearch(products = 10_000): Promise<SearchTiming> {
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // --single-threaded: process.cpuUsage() counts every thread, and V8's concurrent GC and compiler threads made
      // a query's "CPU time" read above its wall time (17.7 vs 10.3 ms p95 on one quiet run). With them on the main
      // thread a query's CPU is its own work, its garbage collection included.
      ['--single-threaded', '--conditions=react-server', '--expose-gc', '--import', 'tsx', 'server/search/testing/measure-search.ts', String(products)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`measure-search exited with ${code}`))));
  });
  const buildMs = Number(output.match(/^build: (\d+) ms/m)?.[1] ?? NaN);
  const queries: SearchQueryTiming[] = [];
  // Rows: "<label padded to 28> <hits> <wall p50> <wall p95> <cpu p50> <cpu p95>".
  for (const line of output.split('\n')) {
    const m = line.match(/^(.{28}) +(\d+) +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+)$/);
    if (!m) continue;
    queries.push({ label: m[1]!.trim(), hits: Number(m[2]), wallP50Ms: Number(m[3]), wallP95Ms: Number(m[4]), cpuP50Ms: Number(m[5]), cpuP95Ms: Number(m[6]) });
  }
  if (queries.length === 0) throw new Error(`measure-search printed no timings:\n${output}`);
  return { products, buildMs: Number.isFinite(buildMs) ? buildMs : null, queries };
}
