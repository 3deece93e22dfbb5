import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { manage, waitUntilReady, type Managed } from './processes';

// cognito-local: the Cognito user-pool API with real RS256 tokens. It keeps its state in ./.cognito of its
// working directory, so `cwd` decides where users and pools live.

const require = createRequire(import.meta.url);

function startScript(): string {
  const pkg = require.resolve('cognito-local/package.json');
  return path.join(path.dirname(pkg), 'lib', 'bin', 'start.js');
}

export async function startCognitoLocal(opts: {
  port: number;
  cwd: string;
  logFile?: string;
  timeoutMs?: number;
}): Promise<Managed> {
  const child = spawn(process.execPath, [startScript()], {
    cwd: opts.cwd,
    // HOST is also the token issuer's host: 127.0.0.1 everywhere, because 'localhost' gives another issuer.
    env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc = manage('cognito-local', child, opts.logFile);
  try {
    await waitUntilReady(
      proc,
      async () => (await fetch(`http://127.0.0.1:${opts.port}/health`, { signal: AbortSignal.timeout(1000) })).ok,
      opts.timeoutMs ?? 30_000,
    );
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return proc;
}
