// One production build in its own dist dir, so a bench never races the e2e or dev builds of the same checkout. With
// NEXT_DIST_DIR set, next.config.mjs type-checks with tsconfig.side-build.json, so the build leaves tsconfig.json
// as committed (bench/check-bench-clean.ts checks it).
//
// Where: under node_modules/.cache, not in the project root (issue 17, item 6). A `.next-bench/` beside the sources
// is inside what `next dev` watches, and a dev server in the same checkout reloaded every page about twice a second
// for as long as that folder existed. Next refuses a distDir outside the project (verifyDistDir:
// "should be inside of the application directory"), so os.tmpdir() is not an option, and a copy of the project
// would build something other than the checkout. node_modules/.cache is inside the project, outside every watcher
// (dev ignores node_modules), git-ignored, the conventional home of tool caches, and its server chunks still
// resolve packages from the project's node_modules.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

export const BENCH_DIST_DIR = 'node_modules/.cache/storefront-bench';

/** Where benches before issue 17 built; its mere presence keeps a `next dev` in this checkout reloading. */
const OLD_BENCH_DIST_DIR = '.next-bench';

export async function buildOnce(opts: { reuse: boolean }): Promise<'built' | 'reused'> {
  if (existsSync(OLD_BENCH_DIST_DIR)) {
    console.log(`removing the old bench build ${OLD_BENCH_DIST_DIR}/ (next dev reloads while it exists)`);
    rmSync(OLD_BENCH_DIST_DIR, { recursive: true, force: true });
  }
  const buildId = path.join(BENCH_DIST_DIR, 'BUILD_ID');
  if (opts.reuse && existsSync(buildId)) return 'reused';
  if (opts.reuse) console.log(`--no-build: no ${buildId} yet, building once`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn('node_modules/.bin/next', ['build'], {
      env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
  return 'built';
}
