import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// `<dataDir>/stack.json` records which launcher last ran on a data folder and its ports, so a second launcher
// and `npm run reset` can tell whether the folder is in use.

export type StackState = { pid: number; ports: number[]; startedAt: string };

const file = (dataDir: string) => path.join(dataDir, 'stack.json');

export function readStackState(dataDir: string): StackState | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file(dataDir), 'utf8')) as Partial<StackState>;
    if (typeof parsed.pid !== 'number' || !Array.isArray(parsed.ports)) return undefined;
    return { pid: parsed.pid, ports: parsed.ports.filter((p) => typeof p === 'number'), startedAt: String(parsed.startedAt) };
  } catch {
    return undefined;
  }
}

export function writeStackState(dataDir: string, state: StackState): void {
  writeFileSync(file(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
