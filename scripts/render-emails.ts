// npm run emails:render — every email template with sample data, into docs/emails as HTML (what a mail client gets)
// and PNG (how Chromium draws it, at a desktop width and a phone's). Product images point at the local site; for
// the screenshots they are served from the same renderer the site uses, so no server needs to run.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { parseProductImageFileName, renderProductImagePng } from '../server/catalog/images';
import { renderEmail } from '../server/notifications/templates/render';
import { emailSamples } from '../server/notifications/templates/samples';

const out = join(process.cwd(), 'docs', 'emails');
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const widths = [
  { suffix: '', width: 720 },
  { suffix: '.narrow', width: 360 },
];

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const index: string[] = [];
    for (const sample of emailSamples()) {
      const { html } = await renderEmail(sample.subject, sample.element);
      await writeFile(join(out, `${sample.name}.html`), html);
      for (const { suffix, width } of widths) {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        await page.route('**/images/products/**', async (route) => {
          const spec = parseProductImageFileName(new URL(route.request().url()).pathname.split('/').pop() ?? '');
          if (!spec) return route.fulfill({ status: 404 });
          return route.fulfill({ status: 200, contentType: 'image/png', body: await renderProductImagePng(spec) });
        });
        await page.setContent(html, { waitUntil: 'load' });
        await page.screenshot({ path: join(out, `${sample.name}${suffix}.png`), fullPage: true });
        await page.close();
      }
      index.push(`- ${sample.name}: [HTML](${sample.name}.html) · [PNG](${sample.name}.png) · [narrow PNG](${sample.name}.narrow.png)`);
    }
    await writeFile(
      join(out, 'README.md'),
      `# Rendered emails\n\nWritten by \`npm run emails:render\` from \`server/notifications/templates/samples.tsx\` (sample data; do not edit by hand).\n\n${index.join('\n')}\n`,
    );
    console.log(`rendered ${index.length} emails into ${out}`);
  } finally {
    await browser.close();
  }
}

await main();
