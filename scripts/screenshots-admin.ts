// Screenshots of every back office page (e2e/admin-pages.ts) at a phone's and a laptop's size, into
// docs/screenshots/admin/<page>-<width>.png (linked from README.md), and a check that no page scrolls sideways.
// Run against a production server on the local stack, e.g. in one terminal `npx tsx e2e/serve.ts --port 3129`
// (after `npx next build`), then `E2E_PORT=3129 npx tsx scripts/screenshots-admin.ts`. Chromium is CHROME_PATH
// (default /usr/bin/chromium). Exits 1 if a page is wider than its viewport.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, request } from '@playwright/test';
import sharp from 'sharp';
import { adminPages } from '../e2e/admin-pages';

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];
const baseURL = process.env.BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? '3000'}`;
const outDir = join(import.meta.dirname, '..', 'docs', 'screenshots', 'admin');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const problems: string[] = [];
try {
  const marketer = await browser.newContext({ baseURL });
  const operations = await browser.newContext({ baseURL });
  const shopper = await request.newContext({ baseURL });
  const pages = await adminPages(marketer.request, operations.request, shopper);
  for (const viewport of VIEWPORTS) {
    const tabs = { marketer: await marketer.newPage(), operations: await operations.newPage() };
    await tabs.marketer.setViewportSize(viewport);
    await tabs.operations.setViewportSize(viewport);
    for (const { name, path, as } of pages) {
      const page = tabs[as];
      const res = await page.goto(path, { waitUntil: 'networkidle' });
      if (!res?.ok()) problems.push(`${path}: HTTP ${res?.status()}`);
      // Hydrated widgets (pickers, charts) settle after the network goes quiet.
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`${path} at ${viewport.width}px scrolls sideways by ${overflow}px`);
      const png = await page.screenshot({ fullPage: true, animations: 'disabled' });
      // A palette PNG: a tenth of the size, and text stays sharp.
      const small = await sharp(png).png({ palette: true, quality: 80, compressionLevel: 9 }).toBuffer();
      const file = join(outDir, `${name}-${viewport.width}.png`);
      writeFileSync(file, small);
      console.log(`${file} (${Math.round(small.byteLength / 1024)} KB)`);
    }
  }
  await shopper.dispose();
} finally {
  await browser.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
