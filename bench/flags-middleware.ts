// Benchmark (not a test): how much the feature-flag middleware step costs with warm flags. The same page, /stores
// (gated by `store-locator`, so the step reads the cached flag set and evaluates it), served by the same production
// build from two servers: one with FLAGS_MIDDLEWARE=off (the step is skipped; the page still checks its own flag),
// one with it on. The load alternates between them in short rounds (off, on, off, on, …) so that a shared machine's
// drifting load hits both sides alike; totals are summed per side. Reports the throughput and latency ratio from
// this one run: quote the ratio, not the absolute numbers. The rest of middleware (session step, security headers)
// runs on both sides.
//
//   NEXT_DIST_DIR=.next-flags npx next build       # once
//   NEXT_DIST_DIR=.next-flags npx tsx bench/flags-middleware.ts [--duration 10] [--rounds 5] [--connections 10] [--port 3213]
//
// --duration is per side (split into --rounds rounds); the two servers use --port and --port + 1.
// Over HTTP the step is far below the noise of a shared 2-core machine, so the script also times the step itself
// in-process (the real cache code, warm, with the built-in flags as its store): microseconds per request.
import { type ChildProcess, spawn } from 'node:child_process';
import { NextRequest } from 'next/server';
import { z } from 'zod';
import { createFlagCache, type FlagCache } from '../server/flags/flag-cache';
import { builtInFlags } from '../server/flags/flag-registry';
import { flagMiddlewareStep } from '../server/flags/middleware-flags';
import { mintAnonId } from '../server/identity/anon-id';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const DURATION_S = Math.min(arg('duration', 10), 60);
const ROUNDS = Math.min(arg('rounds', 5), 20);
const CONNECTIONS = arg('connections', 10);
const PORT = arg('port', 3213);
const SIDES = { off: PORT, on: PORT + 1 } as const;
type Side = keyof typeof SIDES;
const base = (side: Side) => `http://127.0.0.1:${SIDES[side]}`;
const PAGE = '/stores';
// A returning shopper: sf_anon already set, so neither side mints one per request. Signed with this process's
// SESSION_SECRET, which the servers inherit (they replace an sf_anon they did not sign: issue 30 L7).
const COOKIE = `sf_anon=${mintAnonId()}`;

const resultSchema = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number(), average: z.number() }),
  errors: z.number(),
  non2xx: z.number(),
});
type Result = z.infer<typeof resultSchema>;

function startServer(side: Side): ChildProcess {
  // Its own process group, so stopping it reaches next-server and the local stack's children too.
  return spawn('node_modules/.bin/tsx', ['e2e/serve.ts', '--port', String(SIDES[side])], {
    env: { ...process.env, FLAGS_MIDDLEWARE: side, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}

async function waitUntilReady(side: Side, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base(side)}${PAGE}`, { headers: { cookie: COOKIE } });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become ready');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // serve.ts stops next and the stack on SIGTERM; the group kill is the fallback if it does not exit in time.
  process.kill(-child.pid, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 20_000))]);
  if (timedOut) process.kill(-child.pid, 'SIGKILL');
}

function autocannon(args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/autocannon', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      try {
        resolve(resultSchema.parse(JSON.parse(out)));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

function load(side: Side, connections: number, seconds: number): Promise<Result> {
  return autocannon(['-j', '-c', String(connections), '-d', String(seconds), '-H', `cookie=${COOKIE}`, `${base(side)}${PAGE}`]);
}

type Totals = { requests: number; seconds: number; p50: number[]; p99: number[] };

const servers = { off: startServer('off'), on: startServer('on') };
const totals: Record<Side, Totals> = { off: { requests: 0, seconds: 0, p50: [], p99: [] }, on: { requests: 0, seconds: 0, p50: [], p99: [] } };
try {
  await Promise.all([waitUntilReady('off', servers.off), waitUntilReady('on', servers.on)]);
  // Warm both: compiled routes, the flag snapshot, the catalog cache the layout reads.
  for (const side of ['off', 'on'] as const) await load(side, 2, 3);
  const roundSeconds = Math.max(1, Math.round(DURATION_S / ROUNDS));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which side goes first, so neither always follows the other.
    const order: Side[] = round % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
    for (const side of order) {
      const r = await load(side, CONNECTIONS, roundSeconds);
      if (r.errors > 0 || r.non2xx > 0) throw new Error(`${side}: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
      totals[side].requests += r.requests.total;
      totals[side].seconds += roundSeconds;
      totals[side].p50.push(r.latency.p50);
      totals[side].p99.push(r.latency.p99);
    }
  }
} finally {
  await Promise.all([stopServer(servers.off), stopServer(servers.on)]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const rps = (t: Totals) => t.requests / t.seconds;
const row = (name: string, t: Totals) =>
  `${name.padEnd(22)} ${rps(t).toFixed(1).padStart(8)} req/s   median p50 ${String(median(t.p50)).padStart(4)} ms   median p99 ${String(median(t.p99)).padStart(5)} ms`;
console.log(`\nGET ${PAGE}, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds, ${totals.off.seconds} s per side, warm flags`);
console.log(row('flag middleware off', totals.off));
console.log(row('flag middleware on', totals.on));
console.log(`throughput ratio on/off: ${(rps(totals.on) / rps(totals.off)).toFixed(3)}`);
console.log(`p50 latency ratio on/off: ${(median(totals.on.p50) / Math.max(median(totals.off.p50), 0.001)).toFixed(3)}`);

// In-process: the step alone, warm cache, per request, minus building the request it is handed.
const holder = globalThis as { __storefrontFlagCache?: FlagCache };
holder.__storefrontFlagCache = createFlagCache({ load: async () => builtInFlags(), defaults: builtInFlags, ttlMs: 3_000, budgetMs: 300 });
async function perStepMicros(path: string, cookie: string, n = 20_000): Promise<number> {
  const make = () => new NextRequest(`http://127.0.0.1:3000${path}`, { headers: cookie ? { cookie } : {} });
  await flagMiddlewareStep(make(), new Headers(), { userId: null }); // warm the cache
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const req = make();
    await flagMiddlewareStep(req, new Headers(req.headers), { userId: null });
  }
  const t1 = performance.now();
  for (let i = 0; i < n; i++) new Headers(make().headers);
  const t2 = performance.now();
  return ((t1 - t0 - (t2 - t1)) / n) * 1000;
}
console.log(
  `in-process step cost: ${(await perStepMicros(PAGE, COOKIE)).toFixed(1)} µs on ${PAGE} (gated, evaluated), ` +
    `${(await perStepMicros('/p/some-product', COOKIE)).toFixed(1)} µs on an ungated page, ` +
    `${(await perStepMicros(PAGE, '')).toFixed(1)} µs on a first visit (mints sf_anon)`,
);
