// Orderly exit for the launchers. Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) run the cleanup once,
// then exit; a second Ctrl-C exits at once (the 'exit' hook in processes.ts still kills every child group).

let stopping = false;
let cleanupFn: () => Promise<void> = async () => {};

export function isShuttingDown(): boolean {
  return stopping;
}

/** Runs the cleanup (once) and exits with `code`. */
export async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    try {
      await cleanupFn();
    } catch (err) {
      console.error(`Cleanup failed: ${(err as Error).message}`);
      code = code || 1;
    }
  }
  process.exit(code);
}

export function onShutdown(cleanup: () => Promise<void>): void {
  cleanupFn = cleanup;
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  for (const signal of Object.keys(codes) as (keyof typeof codes)[]) {
    process.on(signal, () => {
      if (stopping) process.exit(codes[signal]);
      console.log('\nStopping…');
      void shutdown(codes[signal]);
    });
  }
}

/** Prints an error the way the launchers do (one line; the stack trace with DEBUG=1), then shuts down. */
export function failAndExit(err: unknown): Promise<never> {
  const e = err instanceof Error ? err : new Error(String(err));
  // During Ctrl-C the children die first and startup reports it: not an error worth printing.
  if (!stopping) console.error(process.env.DEBUG ? e.stack : e.message);
  return shutdown(1);
}
