import type { LighthouseScores } from './lighthouse-audit';

/** The run with the median performance score, the lower of the middle two for an even count (failed runs sort last). */
export function medianRun(runs: LighthouseScores[]): LighthouseScores {
  if (runs.length === 0) throw new Error('medianRun needs at least one run');
  const sorted = [...runs].sort((a, b) => (b.performance ?? -1) - (a.performance ?? -1));
  return sorted[Math.ceil((sorted.length - 1) / 2)]!;
}
