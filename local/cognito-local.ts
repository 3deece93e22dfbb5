import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { localBindHost } from './bind-host';
import { type Managed, manage, waitUntilReady } from './processes';

// cognito-local: the Cognito user-pool API with real RS256 tokens. It keeps its state in ./.cognito of its
// working directory, so `cwd` decides where users and pools live. It signs with a private key shipped in its npm
// package: anyone can mint its tokens, which is why it listens on loopback by default and why a production config
// refuses its pool ids and a loopback issuer (server/config-fail-closed.ts).

const require = createRequire(import.meta.url);

function startScript(): string {
  const pkg = require.resolve('cognito-local/package.json');
  return path.join(path.dirname(pkg), 'lib', 'bin', 'start.js');
}

/**
 * cognito-local derives the token issuer from HOST too; the app expects http://127.0.0.1:<port>/<pool> (the
 * COGNITO_ENDPOINT the stack sets), so the issuer is written into its .cognito/config.json whatever it listens on.
 */
function pinIssuer(cwd: string, port: number): void {
  const dir = path.join(cwd, '.cognito');
  const file = path.join(dir, 'config.json');
  mkdirSync(dir, { recursive: true });
  let config: { TokenConfig?: Record<string, unknown> } = {};
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as typeof config;
  } catch {
    // none yet
  }
  config.TokenConfig = { ...config.TokenConfig, IssuerDomain: `http://127.0.0.1:${port}` };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}

export async function startCognitoLocal(opts: { port: number; cwd: string; logFile?: string; timeoutMs?: number }): Promise<Managed> {
  pinIssuer(opts.cwd, opts.port);
  const child = spawn(process.execPath, [startScript()], {
    cwd: opts.cwd,
    // HOST: the interface it listens on (loopback unless HOST widens it); the issuer stays pinned above.
    env: { ...process.env, PORT: String(opts.port), HOST: localBindHost() },
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
