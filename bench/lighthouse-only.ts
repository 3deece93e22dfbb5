// Lighthouse (mobile, median of N runs) on the home, a category and a product page, and the product page's first-load
// JS, without the load, search and cold-start parts of `npm run bench` (minutes on two cores). For re-measuring a
// UI change; prints JSON and writes nothing.
//
//   npx next build && npx tsx bench/lighthouse-only.ts [--dist-dir .next] [--port 3291] [--lighthouse-runs 3]
import { parseBenchArgs } from './bench-args';
import { startBenchServer } from './bench-server';
import { discoverTargets } from './discover-targets';
import { firstLoadJs } from './first-load-js';
import { auditPages } from './lighthouse-audit';
import { warm } from './load-test';

const args = parseBenchArgs(process.argv.slice(2));
const distDir = args.distDir ?? '.next';
const server = await startBenchServer(args.port, distDir);
try {
  const targets = await discoverTargets(server.origin);
  const pages = [
    { name: 'home', path: '/' },
    { name: 'category', path: `/c/${targets.categorySlug}` },
    { name: 'product', path: `/p/${targets.productSlug}` },
  ];
  for (const p of pages) await warm(server.origin, p);
  const lighthouse = await auditPages(server.origin, pages, args.lighthouseRuns);
  const js = firstLoadJs(distDir, ['/', '/c/[category]', '/p/[slug]']);
  console.log(JSON.stringify({ date: new Date().toISOString(), distDir, lighthouse, firstLoadJs: js }, null, 2));
} finally {
  await server.stop();
}
