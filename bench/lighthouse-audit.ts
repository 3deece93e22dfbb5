// Lighthouse (mobile: its default form factor, simulated throttling) on a few pages, one Chromium for all of them.
// Chromium is Debian's (CHROME_PATH or /usr/bin/chromium); nothing is downloaded, and every page is on 127.0.0.1.
// Each page is audited `runs` times and the run with the median performance score is kept, as Lighthouse's own
// variability guide advises: one run on a shared 2-core machine swings by 10+ points.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { medianRun } from './median-run';

export interface LighthouseScores {
  name: string;
  path: string;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  /** Largest Contentful Paint and Total Blocking Time (ms), to explain a performance score. */
  lcpMs: number | null;
  tbtMs: number | null;
  /** Every run's performance score, in run order; the row's figures come from the median one. */
  performanceRuns?: (number | null)[];
  /** Lighthouse's CPU benchmark of this machine during the kept run (higher is faster; ~1000+ is a desktop). */
  benchmarkIndex?: number | null;
  /** Audits that cost points outside performance (ids), so a score below 100 says why. */
  failedAudits: string[];
  error?: string;
}

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function score(value: number | null | undefined): number | null {
  return typeof value === 'number' ? Math.round(value * 100) : null;
}

async function auditOnce(port: number, page: { name: string; path: string }, url: URL): Promise<LighthouseScores> {
  try {
    const result = await lighthouse(url.href, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    const { categories, audits, runtimeError, environment } = result.lhr;
    const failedAudits = ['accessibility', 'best-practices', 'seo'].flatMap((id) =>
      (categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && typeof audits[ref.id]?.score === 'number' && audits[ref.id]!.score! < 1)
        .map((ref) => `${id}:${ref.id}`),
    );
    const lcp = audits['largest-contentful-paint']?.numericValue;
    const tbt = audits['total-blocking-time']?.numericValue;
    return {
      ...page,
      performance: score(categories.performance?.score),
      accessibility: score(categories.accessibility?.score),
      bestPractices: score(categories['best-practices']?.score),
      seo: score(categories.seo?.score),
      lcpMs: typeof lcp === 'number' ? Math.round(lcp) : null,
      tbtMs: typeof tbt === 'number' ? Math.round(tbt) : null,
      benchmarkIndex: typeof environment?.benchmarkIndex === 'number' ? Math.round(environment.benchmarkIndex) : null,
      failedAudits,
      ...(runtimeError ? { error: `${runtimeError.code}: ${runtimeError.message}` } : {}),
    };
  } catch (err) {
    return { ...page, performance: null, accessibility: null, bestPractices: null, seo: null, lcpMs: null, tbtMs: null, failedAudits: [], error: String(err) };
  }
}

export async function auditPages(origin: string, pages: { name: string; path: string }[], runs = 3): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const out: LighthouseScores[] = [];
  try {
    for (const page of pages) {
      const url = new URL(page.path, origin);
      if (url.hostname !== '127.0.0.1') throw new Error(`Lighthouse only audits 127.0.0.1, not ${url.hostname}`);
      const started = Date.now();
      const all: LighthouseScores[] = [];
      for (let i = 0; i < runs; i++) all.push(await auditOnce(chrome.port, page, url));
      out.push({ ...medianRun(all), performanceRuns: all.map((r) => r.performance) });
      console.log(`  lighthouse ${page.path}: ${all.map((r) => r.performance ?? 'error').join(', ')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await chrome.kill();
  }
  return out;
}
