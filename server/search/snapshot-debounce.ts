// At most one snapshot write per interval while changes keep arriving, and always one after the last change: the
// first change after a quiet spell is written at once, later ones wait for the interval since the last write began.
// Writes never overlap; a change during a write schedules the next one. A failed write is tried again after the
// interval (the changes are still in the index).

export type DebouncedWriter = {
  /** The index changed: a write will follow, at most `intervalMs` after the previous write began. */
  changed(): void;
  /**
   * Resolves when no write is scheduled or running; rejects with the error of the last write if it failed. A stream
   * Lambda awaits this before returning, so a batch is acknowledged only once a snapshot holds it.
   */
  settled(): Promise<void>;
  /** Cancels a scheduled write (tests, shutdown). */
  cancel(): void;
};

export function createDebouncedWriter(opts: {
  intervalMs: number;
  write: () => Promise<void>;
  onError?: (err: unknown) => void;
  now?: () => number;
}): DebouncedWriter {
  const now = opts.now ?? Date.now;
  let lastStart = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let dirty = false;
  let lastError: unknown = null;
  let waiters: (() => void)[] = [];

  const wake = () => {
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };

  const schedule = () => {
    if (timer || running || !dirty) return;
    const wait = Math.max(0, lastStart + opts.intervalMs - now());
    timer = setTimeout(run, wait);
    // A pending snapshot must not keep a script or test process alive.
    (timer as { unref?: () => void }).unref?.();
  };

  const run = () => {
    timer = null;
    dirty = false;
    lastStart = now();
    running = opts
      .write()
      .then(
        () => {
          lastError = null;
        },
        (err: unknown) => {
          lastError = err;
          dirty = true;
          opts.onError?.(err);
        },
      )
      .finally(() => {
        running = null;
        schedule();
        // Waiters wake when all is written, or to hear of a failure (its retry is scheduled meanwhile).
        if (lastError || !timer) wake();
      });
  };

  return {
    changed() {
      dirty = true;
      schedule();
    },
    async settled() {
      // A failed write re-schedules itself; the caller hears of that failure now rather than after the retry.
      while ((timer || running) && !(lastError && !running)) {
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
      if (lastError) throw lastError;
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      dirty = false;
      wake();
    },
  };
}
