import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { localBindHost } from './bind-host';
import { ensureDemoCatalog } from './catalog/ensure-demo-catalog';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { assertPortFree, portAnswers, portFromEnv } from './ports';
import { type Managed, manage } from './processes';
import { failAndExit, isShuttingDown, onShutdown, shutdown } from './shutdown';
import { type Stack, startStack } from './stack';

// `npm run dev` (next dev) and `npm start` (--prod: next build, then next start) on the local stack.
// Order matters: the stack and the catalog first (pages read DynamoDB, also while `next build` prerenders),
// then Next with the stack's environment. On Ctrl-C: Next first, then the stack.

const prod = process.argv.includes('--prod');
const require = createRequire(import.meta.url);

let stack: Stack | undefined;
let next: Managed | undefined;
onShutdown(async () => {
  await next?.stop();
  await stack?.stop();
});

function runNext(args: string[], env: NodeJS.ProcessEnv): Managed {
  // Same process group as this launcher (see processes.ts): a signal to the group reaches Next too.
  const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), ...args], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return manage(`next ${args[0]}`, child);
}

/** The production build behind local/next-server.ts (timeouts, refusals, bind host), not `next start`. */
function runProductionServer(port: number, env: NodeJS.ProcessEnv): Managed {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/next-server.ts', '--port', String(port)], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return manage('next server', child);
}

async function waitForPort(port: number, proc: Managed, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !proc.hasExited()) {
    if (await portAnswers(port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main(): Promise<void> {
  const port = portFromEnv('PORT') ?? 3000;
  await assertPortFree(port, 'server on that port', 'PORT');

  stack = await startStack({ dataDir: '.local-data' });
  // startStack already pointed this process's config at the stack; the loader is idempotent, so it runs on every
  // start and does work only when the catalog is missing.
  await ensureDemoCatalog();
  if (isShuttingDown()) return;

  const siteUrl = process.env.SITE_URL || `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...stack.env,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    // Origin checks and absolute URLs compare against SITE_URL: it must match the port actually served.
    SITE_URL: siteUrl,
    // The developer is staff: API answers name their back-end timings (off in production, issue 30 I4).
    SERVER_TIMING: process.env.SERVER_TIMING ?? 'on',
  };

  if (prod) {
    const build = runNext(['build'], env);
    next = build;
    const code = await build.exited;
    if (isShuttingDown()) return;
    if (code !== 0) throw new Error(`next build failed (exit ${code}): see its output above`);
  }
  // Loopback unless HOST widens it (local/bind-host.ts).
  next = prod ? runProductionServer(port, env) : runNext(['dev', '--port', String(port), '--hostname', localBindHost()], env);
  if (await waitForPort(port, next, 120_000)) {
    const accounts = DEMO_ACCOUNTS.map((a) => `  ${a.email} / ${a.password}${a.groups.length ? ` (${a.groups.join(', ')})` : ''}`);
    console.log([`\nStorefront (${prod ? 'production build' : 'dev'}): ${siteUrl}`, 'Demo accounts:', ...accounts, 'Ctrl-C to stop\n'].join('\n'));
  }
  // Next stopping by itself (a crash, a failed compile at start) takes the stack down with it.
  const code = await next.exited;
  if (!isShuttingDown()) {
    console.error(`Next exited (${code}); stopping the local stack`);
    await shutdown(typeof code === 'number' ? code || 1 : 1);
  }
}

main().catch(failAndExit);
