import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { localBindHost } from './bind-host';
import { startCognitoProxy } from './cognito-proxy';
import { freePort } from './ports';
import { type Managed, manage, waitUntilReady } from './processes';

// cognito-local: the Cognito user-pool API with real RS256 tokens. It keeps its state in ./.cognito of its
// working directory, so `cwd` decides where users and pools live. It signs with a private key shipped in its npm
// package: anyone can mint its tokens, which is why it listens on loopback by default and why a production config
// refuses its pool ids and a loopback issuer (server/platform/config/fail-closed.ts).
// It listens on a private loopback port; `port` is a small proxy in this process (cognito-proxy.ts, issue 30 L11)
// that refuses browsers (any Origin) and foreign Host names and drops CORS headers. The app only sees the proxy.

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
  // Tokens name the proxy's address as their issuer: it is the only one the app (and its JWKS fetch) knows.
  pinIssuer(opts.cwd, opts.port);
  const innerPort = await freePort();
  const child = spawn(process.execPath, [startScript()], {
    cwd: opts.cwd,
    // Loopback always: only the proxy below reaches it. HOST widens the proxy, not this.
    env: { ...process.env, PORT: String(innerPort), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc = manage('cognito-local', child, opts.logFile);
  try {
    await waitUntilReady(
      proc,
      async () => (await fetch(`http://127.0.0.1:${innerPort}/health`, { signal: AbortSignal.timeout(1000) })).ok,
      opts.timeoutMs ?? 30_000,
    );
  } catch (err) {
    await proc.stop();
    throw err;
  }
  let proxy: Awaited<ReturnType<typeof startCognitoProxy>>;
  try {
    proxy = await startCognitoProxy({ port: opts.port, bindHost: localBindHost(), targetPort: innerPort });
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return {
    ...proc,
    stop: async () => {
      await proxy.close();
      await proc.stop();
    },
  };
}
