import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { localBindHost } from './bind-host';
import { type Managed, manage, waitUntilReady } from './processes';

// aws-ses-v2-local: the SES v2 API with an inbox. Sent mail is at http://127.0.0.1:<port>/ (web) and /store (JSON,
// what outside suites read, API.md). In memory: a restart empties the inbox.

const require = createRequire(import.meta.url);

export async function startSesLocal(opts: { port: number; logFile?: string; timeoutMs?: number }): Promise<Managed> {
  const cli = path.join(path.dirname(require.resolve('aws-ses-v2-local')), 'cli.js');
  const child = spawn(process.execPath, [cli, '--host', localBindHost(), '--port', String(opts.port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = manage('aws-ses-v2-local', child, opts.logFile);
  try {
    await waitUntilReady(
      proc,
      async () => (await fetch(`http://127.0.0.1:${opts.port}/store`, { signal: AbortSignal.timeout(1000) })).ok,
      opts.timeoutMs ?? 15_000,
    );
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return proc;
}
