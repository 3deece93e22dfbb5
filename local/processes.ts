import type { ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

// Lifecycle of the stand-in servers: keep their output (for error messages and log files), wait until they
// answer, stop them and wait for the exit.
// Children stay in the launcher's process group on purpose (not `detached`): whatever signals that group (Ctrl-C
// in the terminal, Playwright's webServer teardown, a CI timeout) reaches them too, even when the launcher
// itself is SIGKILLed and cannot clean up. stop() covers the orderly path (SIGTERM to the launcher alone).

export type Managed = {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  hasExited: () => boolean;
  /** The last lines the process printed, for error messages. */
  tail: () => string;
  stop: () => Promise<void>;
};

const live = new Set<number>();
let exitHookInstalled = false;

// Last resort when the launcher exits without awaiting stop() (process.exit, an uncaught error):
// 'exit' handlers must be synchronous, and process.kill is.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of live) signal(pid, 'SIGKILL');
  });
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

export function manage(name: string, child: ChildProcess, logFile?: string): Managed {
  if (child.pid === undefined) throw new Error(`${name} did not start (no pid)`);
  const pid = child.pid;
  live.add(pid);
  installExitHook();

  const lines: string[] = [];
  const log: WriteStream | undefined = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  const collect = (chunk: Buffer) => {
    log?.write(chunk);
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  // Always drain the pipes: a full pipe buffer would block the child.
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      live.delete(pid);
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (err) => {
      lines.push(String(err));
      done = true;
      live.delete(pid);
      resolve('error');
    });
  });
  exited.then(() => log?.end());

  async function stop(): Promise<void> {
    if (done) return;
    // SIGTERM lets each server shut down its own way (Next stops its workers, Java closes the database file).
    signal(pid, 'SIGTERM');
    const timer = setTimeout(() => signal(pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  return { name, child, exited, hasExited: () => done, tail: () => lines.slice(-15).join('\n'), stop };
}

/**
 * Polls `check` until it returns true. Fails early, with the child's last output, if the child exits;
 * fails with a clear message after `timeoutMs`.
 */
export async function waitUntilReady(proc: Managed, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.hasExited()) {
      throw new Error(`${proc.name} exited before it was ready. Its last output:\n${proc.tail()}`);
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(`${proc.name} did not answer within ${timeoutMs / 1000} s. Its last output:\n${proc.tail()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
