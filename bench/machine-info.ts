// Where and when a run happened, so a figure is never quoted without its machine and load.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average at the start and end of the run (other engineers share the machine). */
  loadAverage: { start: number; end?: number };
  gitCommit: string | null;
  gitDirty: boolean | null;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: { start: Math.round(os.loadavg()[0]! * 100) / 100 },
    gitCommit: git(['rev-parse', 'HEAD']),
    gitDirty: status === null ? null : status.length > 0,
  };
}

export function loadNow(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}
