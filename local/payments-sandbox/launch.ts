import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Managed, manage, waitUntilReady } from '../processes';

// Starts the sandbox processor (main.ts) as a child of the stack, like the other stand-ins: its own process and
// origin, so the browser really talks to another site and the storefront can restart without it losing records.

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

export type SandboxLaunch = { port: number; dataFile: string | null; allowedOrigins: string[]; logFile?: string; timeoutMs?: number };

export async function startPaymentsSandbox(opts: SandboxLaunch): Promise<{ proc: Managed; url: string; secretKey: string }> {
  // A fresh key per start: the shop's server gets it through the stack's env, nothing else ever sees it.
  const secretKey = `sk_sandbox_${randomBytes(24).toString('base64url')}`;
  // 127.0.0.1, where it listens (Node may resolve localhost to ::1 first).
  const url = `http://127.0.0.1:${opts.port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: path.resolve(path.dirname(MAIN), '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PAYMENTS_SANDBOX_PORT: String(opts.port),
      PAYMENTS_SANDBOX_SECRET_KEY: secretKey,
      PAYMENTS_SANDBOX_ALLOWED_ORIGINS: opts.allowedOrigins.join(','),
      PAYMENTS_SANDBOX_PUBLIC_URL: url,
      PAYMENTS_SANDBOX_FILE: opts.dataFile ?? '',
    },
  });
  const proc = manage('payments sandbox', child, opts.logFile);
  try {
    await waitUntilReady(
      proc,
      async () => (await fetch(`http://127.0.0.1:${opts.port}/health`, { signal: AbortSignal.timeout(1000) })).ok,
      opts.timeoutMs ?? 15_000,
    );
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return { proc, url, secretKey };
}
