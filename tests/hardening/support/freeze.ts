import { inject } from 'vitest';

// Freezes a stand-in of the integration stack (DynamoDB Local, cognito-local) with SIGSTOP: its sockets stay open
// and the kernel still accepts connections, but nothing answers, which is how a hung dependency looks to the app
// (a killed one refuses connections at once, the easy case). The stack's launcher provides the process ids
// (tests/integration-setup.ts). Always thawed again, whatever the test did.

type StandIn = 'dynamodb' | 'cognito';

/** Longest a request may take while a dependency is frozen: a hang check, not a speed measurement. */
const HANG_BOUND_MS = 10_000;

function pidOf(standIn: StandIn): number {
  const pid = inject('localStackPids')?.[standIn];
  if (!pid) throw new Error(`the integration stack did not report a pid for ${standIn}`);
  return pid;
}

export function freeze(standIn: StandIn): void {
  process.kill(pidOf(standIn), 'SIGSTOP');
}

export function thaw(standIn: StandIn): void {
  process.kill(pidOf(standIn), 'SIGCONT');
}

/** Runs `during` with `standIn` frozen, and thaws it afterwards even when `during` throws. */
export async function whileFrozen<T>(standIn: StandIn, during: () => Promise<T>): Promise<T> {
  freeze(standIn);
  try {
    return await during();
  } finally {
    thaw(standIn);
  }
}

/** `call`'s answer, or a rejection naming `what` if none came within HANG_BOUND_MS (the call is left running). */
export async function answeredInTime<T>(what: string, call: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${HANG_BOUND_MS / 1000} s`)), HANG_BOUND_MS);
  });
  try {
    return await Promise.race([call, hang]);
  } finally {
    clearTimeout(timer);
  }
}
