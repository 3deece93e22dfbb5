// Lighthouse (mobile: its default form factor, simulated throttling) on a few pages, one Chromium for all of them.
// Chromium is Debian's (CHROME_PATH or /usr/bin/chromium); nothing is downloaded, and every page is on 127.0.0.1.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

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
  /** Audits that cost points outside performance (ids), so a score below 100 says why. */
  failedAudits: string[];
  error?: string;
}

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function score(value: number | null | undefined): number | null {
  return typeof value === 'number' ? Math.round(value * 100) : null;
}

export async function auditPages(origin: string, pages: { name: string; path: string }[]): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const out: LighthouseScores[] = [];
  try {
    for (const page of pages) {
      const url = new URL(page.path, origin);
      if (url.hostname !== '127.0.0.1') throw new Error(`Lighthouse only audits 127.0.0.1, not ${url.hostname}`);
      const started = Date.now();
      try {
        const result = await lighthouse(url.href, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        if (!result) throw new Error('Lighthouse returned nothing');
        const { categories, audits, runtimeError } = result.lhr;
        const failedAudits = ['accessibility', 'best-practices', 'seo'].flatMap((id) =>
          (categories[id]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && typeof audits[ref.id]?.score === 'number' && audits[ref.id]!.score! < 1)
            .map((ref) => `${id}:${ref.id}`),
        );
        const lcp = audits['largest-contentful-paint']?.numericValue;
        const tbt = audits['total-blocking-time']?.numericValue;
        out.push({
          ...page,
          performance: score(categories.performance?.score),
          accessibility: score(categories.accessibility?.score),
          bestPractices: score(categories['best-practices']?.score),
          seo: score(categories.seo?.score),
          lcpMs: typeof lcp === 'number' ? Math.round(lcp) : null,
          tbtMs: typeof tbt === 'number' ? Math.round(tbt) : null,
          failedAudits,
          ...(runtimeError ? { error: `${runtimeError.code}: ${runtimeError.message}` } : {}),
        });
      } catch (err) {
        out.push({ ...page, performance: null, accessibility: null, bestPractices: null, seo: null, lcpMs: null, tbtMs: null, failedAudits: [], error: String(err) });
      }
      console.log(`  lighthouse ${page.path}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await chrome.kill();
  }
  return out;
}

