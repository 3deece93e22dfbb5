// Command-line options of `npm run bench`.
export interface BenchArgs {
  /** Seconds of load per target. */
  duration: number;
  connections: number;
  /** Reuse an existing bench build (node_modules/.cache/storefront-bench) instead of building. */
  noBuild: boolean;
  skipLighthouse: boolean;
  /** Lighthouse runs per page; the median one is reported. */
  lighthouseRuns: number;
  /** A previous results JSON to show deltas against; with no other work requested, only compares. */
  compare?: string;
  /** Compare `compare` against this file instead of running (defaults to bench/results/latest.json). */
  compareOnly: boolean;
  port: number;
  /** Measure an existing production build in this dist dir (e.g. `.next` after `next build`) instead of the bench build. */
  distDir?: string;
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

function positive(argv: string[], name: string, fallback: number, max: number): number {
  const raw = argValue(argv, name);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new Error(`--${name} must be a number in (0, ${max}]`);
  return value;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  return {
    duration: positive(argv, 'duration', 8, 120),
    connections: positive(argv, 'connections', 20, 200),
    port: positive(argv, 'port', 3291, 65535),
    noBuild: argv.includes('--no-build'),
    skipLighthouse: argv.includes('--no-lighthouse'),
    lighthouseRuns: Math.round(positive(argv, 'lighthouse-runs', 3, 9)),
    compare: argValue(argv, 'compare'),
    compareOnly: argv.includes('--compare-only'),
    distDir: argValue(argv, 'dist-dir'),
  };
}
