import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { manage } from '../processes';

// The stream and queue functions as Lambda runs them: bundled by esbuild with the conditions sst.config.ts gives
// them (react-server, so `import 'server-only'` is the empty module), each in a process of its own with only its
// environment, invoked one event at a time. A process shares nothing with the server (no Redis client, no tag map,
// no search index), which is what a cold Lambda container shares: that is how a consumer that only updated its own
// memory shows up as a stale page.

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNNER = path.join(repo, 'local/lambda/runner.mjs');

/** Entries as sst.config.ts names them: `file.export`. */
export const LAMBDA_ENTRIES = {
  productsStream: 'infra/functions/products-stream.handler',
  ordersTopSellers: 'server/streams/orders-stream/lambda.handler',
  ordersCoPurchases: 'server/streams/orders-stream/co-purchases-lambda.handler',
  orderLifecycle: 'server/fulfilment/lambda.streamHandler',
  warehouse: 'server/fulfilment/lambda.queueHandler',
  mail: 'server/notifications/lambda.handler',
  campaigns: 'server/campaigns/lambda.handler',
} as const;

export type LambdaFunction = {
  name: string;
  /** Resolves with the handler's result; rejects with the handler's error (a function error, in Lambda's words). */
  invoke(event: unknown): Promise<unknown>;
  stop(): Promise<void>;
};

export class FunctionError extends Error {
  override name = 'FunctionError';
}

/** Bundles the entries (`file.export`) into node_modules/.cache (so bare imports of externals resolve). */
export async function bundleLambdas(entries: Record<string, string>): Promise<Record<string, { file: string; exportName: string }>> {
  const { build } = await import('esbuild');
  const outdir = path.join(repo, 'node_modules/.cache/lambdas');
  mkdirSync(outdir, { recursive: true });
  const points: Record<string, string> = {};
  const out: Record<string, { file: string; exportName: string }> = {};
  for (const [name, entry] of Object.entries(entries)) {
    const dot = entry.lastIndexOf('.');
    const file = entry.slice(0, dot);
    points[name] = path.join(repo, `${file}.ts`);
    out[name] = { file: path.join(outdir, `${name}.mjs`), exportName: entry.slice(dot + 1) };
  }
  await build({
    entryPoints: points,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // As sst.config.ts bundles them (its `nodejs.esbuild.conditions`).
    conditions: ['react-server', 'node', 'import'],
    // Native binaries: installed beside the function on AWS, resolved from node_modules here.
    external: ['@duckdb/node-api', 'sharp'],
    // CommonJS dependencies bundled into ESM still read require, __filename and __dirname (SST's ESM banner does the same).
    banner: {
      js: [
        "import { createRequire as __lambdaRequire } from 'node:module';",
        "import { fileURLToPath as __lambdaPath } from 'node:url';",
        "import { dirname as __lambdaDir } from 'node:path';",
        'const require = __lambdaRequire(import.meta.url);',
        'const __filename = __lambdaPath(import.meta.url);',
        'const __dirname = __lambdaDir(__filename);',
      ].join(' '),
    },
    logLevel: 'error',
  });
  return out;
}

/** Starts one execution environment for a bundled handler. */
export async function startLambda(
  name: string,
  bundle: { file: string; exportName: string },
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<LambdaFunction> {
  const child: ChildProcess = fork(RUNNER, [bundle.file, bundle.exportName], {
    env: { ...env, AWS_LAMBDA_FUNCTION_NAME: name } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const managed = manage(`lambda ${name}`, child);
  const pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  let ready: () => void = () => {};
  const started = new Promise<void>((resolve) => (ready = resolve));
  child.on('message', (msg: { ready?: true; id?: string; ok?: boolean; result?: unknown; error?: { message: string } }) => {
    if (msg.ready) return ready();
    const p = msg.id ? pending.get(msg.id) : undefined;
    if (!p) return;
    pending.delete(msg.id!);
    clearTimeout(p.timer);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new FunctionError(msg.error?.message ?? 'function error'));
  });
  child.on('exit', () => {
    for (const p of pending.values()) p.reject(new FunctionError(`${name} exited: ${managed.tail()}`));
    pending.clear();
  });
  await Promise.race([started, managed.exited.then(() => Promise.reject(new Error(`${name} did not start: ${managed.tail()}`)))]);
  return {
    name,
    invoke(event) {
      const id = randomUUID();
      return new Promise((resolve, reject) => {
        // A timed-out invocation is a function error, as on Lambda.
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new FunctionError(`${name} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        child.send({ id, event, timeoutMs });
      });
    },
    stop: () => managed.stop(),
  };
}
