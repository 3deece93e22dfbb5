// npm run check:bench-clean: the bench must leave the checkout as it found it (issue 17, item 6). Runs the bench's
// build step, then asserts that `git status --porcelain` is unchanged, that no new git-ignored folder appeared (the
// build goes under node_modules/.cache), and that `next dev` in the same checkout serves pages that stay put: a bench
// build inside the project once made dev reload every page about twice a second, forever. Too heavy for `npm test`
// (a production build plus a dev server: 10+ minutes on two shared cores), so it is its own script; exit code 1 on
// a finding.
//
//   npm run check:bench-clean [-- --no-build]      # --no-build: reuse the bench build if there is one
import { execFileSync, spawn } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';
import { freePort, portAnswers } from '../local/ports';
import { startStack } from '../local/stack';
import { buildOnce } from './build-once';

const PAGES = ['/', '/cart', '/sign-up', '/stores'];
/** How long each page is watched after it has loaded; the reload loop showed 19–45 navigations in 12 s. */
const WATCH_MS = 10_000;

const gitStatus = () => execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' });
/** Git-ignored entries (collapsed per folder): a build folder beside the sources shows here, not in `gitStatus()`. */
const ignoredEntries = () =>
  execFileSync('git', ['status', '--porcelain', '--ignored'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.startsWith('!! '));

const failures: string[] = [];
const before = gitStatus();
if (before !== '') {
  console.error(`check:bench-clean needs a clean tree to judge one (commit or stash first):\n${before}`);
  process.exit(2);
}

const ignoredBefore = ignoredEntries();
console.log(`bench build: ${await buildOnce({ reuse: process.argv.includes('--no-build') })}`);
const afterBuild = gitStatus();
if (afterBuild !== '') failures.push(`the bench build changed the tree:\n${afterBuild}`);
// The build output must land where next dev does not look (under node_modules), not in a new ignored folder.
// next-env.d.ts is the one file any next build or dev writes into the root (git-ignored by Next's convention); a
// fresh clone has none yet, so it appears here whatever the bench does.
const leftBehind = ignoredEntries().filter((line) => !ignoredBefore.includes(line) && line !== '!! next-env.d.ts');
if (leftBehind.length > 0) failures.push(`the bench build left ignored files in the project:\n${leftBehind.join('\n')}`);

const stack = await startStack({ dataDir: 'memory', ports: 'auto', quiet: true });
Object.assign(process.env, stack.env);
const { ensureDemoCatalog } = await import('../local/catalog/ensure-demo-catalog');
await ensureDemoCatalog();
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const dev = spawn('node_modules/.bin/next', ['dev', '--port', String(port), '--hostname', '127.0.0.1'], {
  env: { ...process.env, ...stack.env, SITE_URL: origin, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
  // Its own process group, so stopping it reaches the workers next dev starts.
  detached: true,
});
let browser: Browser | undefined;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const deadline = Date.now() + 120_000;
  while (!(await portAnswers(port))) {
    if (dev.exitCode !== null || Date.now() > deadline) throw new Error(`next dev did not start on ${origin}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const path of PAGES) {
    const page = await browser.newPage();
    // The first compile of a page in dev takes minutes on a busy machine; only what happens after it counts.
    await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: 600_000 });
    // Document requests only: a reload fetches the page again, while the router's own history updates do not.
    let navigations = 0;
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations += 1;
    });
    await page.waitForTimeout(WATCH_MS);
    console.log(`  ${path}: ${navigations} navigation(s) in ${WATCH_MS / 1000} s after load`);
    if (navigations > 0) failures.push(`next dev kept navigating ${path} (${navigations} times in ${WATCH_MS / 1000} s)`);
    await page.close();
  }
} finally {
  await browser?.close();
  try {
    if (dev.pid !== undefined) process.kill(-dev.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  await new Promise((r) => (dev.exitCode !== null ? r(undefined) : dev.once('exit', r)));
  await stack.stop();
}

const afterDev = gitStatus();
if (afterDev !== afterBuild) failures.push(`next dev changed the tree:\n${afterDev}`);

if (failures.length > 0) {
  console.error(`check:bench-clean failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('check:bench-clean: the tree is as it was, and next dev stays on each page.');
