import { describe, expect, it } from 'vitest';
import type { LighthouseScores } from './lighthouse-audit';
import { medianRun } from './median-run';

const run = (performance: number | null, tbtMs: number | null = null): LighthouseScores => ({
  name: 'home',
  path: '/',
  performance,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  lcpMs: null,
  tbtMs,
  failedAudits: [],
});

describe('medianRun', () => {
  it('keeps the whole median run, not a mix of runs', () => {
    const kept = medianRun([run(71, 900), run(97, 60), run(90, 200)]);
    expect(kept.performance).toBe(90);
    expect(kept.tbtMs).toBe(200);
  });

  it('keeps the lower middle of an even count and ranks failed runs last', () => {
    expect(medianRun([run(80), run(95), run(null), run(90)]).performance).toBe(80);
    expect(medianRun([run(null), run(null), run(88)]).performance).toBeNull();
    expect(medianRun([run(88)]).performance).toBe(88);
  });

  it('refuses an empty list', () => {
    expect(() => medianRun([])).toThrow();
  });
});
