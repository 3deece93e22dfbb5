import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { localBindHost } from './bind-host';
import { type Managed, manage, waitUntilReady } from './processes';

// Redis is a cache and an accelerator, never the source of truth: the stack starts one when it can and the app
// runs on its DynamoDB paths when it cannot. It starts empty on every run (no RDB/AOF) so no cache outlives the
// data it was built from.

export const REDIS_MISSING = 'Redis not found: running on DynamoDB paths only (install redis-server or set REDIS_URL)';

/** Absolute path of `redis-server` on PATH, or undefined. */
export function findRedisServer(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Sends PING over a raw socket (no client library, so no reconnect loop) and expects +PONG. */
export function redisPing(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let reply = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}

export async function startRedis(opts: { binary: string; port: number; logFile?: string; timeoutMs?: number }): Promise<Managed> {
  // Loopback unless HOST widens it (local/bind-host.ts); redis' protected mode still refuses password-less remote clients.
  const args = ['--port', String(opts.port), '--bind', localBindHost(), '--save', '', '--appendonly', 'no'];
  // cwd outside the repo: even a stray SAVE command cannot drop a dump.rdb into the checkout.
  const child = spawn(opts.binary, args, { cwd: os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = manage('redis-server', child, opts.logFile);
  try {
    await waitUntilReady(proc, () => redisPing('127.0.0.1', opts.port), opts.timeoutMs ?? 10_000);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return proc;
}
