import { processSingleton } from './singleton';

// A process-local bound on CPU-heavy work (rendering product artwork with sharp: issue 30 L9). At most `active`
// run at once and at most `queued` wait for a turn; a caller beyond both gets null at once and answers 503 with
// Retry-After instead of piling more work onto a busy core. Not shared between instances on purpose: the CPU it
// protects is this process's own (concurrency-cap.ts is the Redis-shared lease count for open streams).

export type Semaphore = {
  /** Runs `work` when a slot is free; null (without running it) when every slot and every queue place is taken. */
  run<T>(work: () => Promise<T>): Promise<{ value: T } | null>;
  /** What is running and waiting now (tests, logs). */
  load(): { active: number; queued: number };
};

export function semaphore(name: string, limits: { active: number; queued: number }): Semaphore {
  return processSingleton(`semaphore:${name}`, () => {
    let active = 0;
    const waiting: (() => void)[] = [];
    const release = () => {
      const next = waiting.shift();
      if (next) next();
      else active--;
    };
    return {
      async run<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
        if (active < limits.active) active++;
        else if (waiting.length < limits.queued) await new Promise<void>((resolve) => waiting.push(resolve));
        else return null;
        // The slot is held from here (a released slot is handed straight to the next waiter, so active stays).
        try {
          return { value: await work() };
        } finally {
          release();
        }
      },
      load: () => ({ active, queued: waiting.length }),
    };
  });
}
