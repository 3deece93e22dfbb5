// The server under load: e2e/serve.ts (in-memory local stack + demo catalog + `next start`) on the bench build,
// in its own process group so that stopping it reaches next-server, DynamoDB Local, cognito-local and Redis.
import { type ChildProcess, spawn } from 'node:child_process';
import { BENCH_DIST_DIR } from './build-once';

export interface BenchServer {
  origin: string;
  stop(): Promise<void>;
}

async function waitUntilReady(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`bench server exited (${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(`${origin}/api/categories`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`bench server not ready after ${timeoutMs / 1000} s`);
}

export async function startBenchServer(port: number, distDir: string = BENCH_DIST_DIR): Promise<BenchServer> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn('node_modules/.bin/tsx', ['e2e/serve.ts', '--port', String(port)], {
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    // Server logs would interleave with the report; errors still show.
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let stopped = false;
  async function stop(): Promise<void> {
    if (stopped || child.pid === undefined) return;
    stopped = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // serve.ts stops next and the stack on SIGTERM; the group SIGKILL is the fallback for anything left.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 20_000))]);
    try {
      process.kill(-child.pid, timedOut ? 'SIGKILL' : 0);
      // The leader exited but the group still has members (a child that ignored SIGTERM): finish them.
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Group empty: nothing left behind.
    }
  }
  try {
    // Minutes on a shared two-core machine: DynamoDB Local and the demo catalog load slowly under load.
    await waitUntilReady(origin, child, 600_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { origin, stop };
}
