// Screenshots of the shopper's main pages at a phone (390×844) and a laptop (1366×900) size, for docs/screenshots/
// (linked from README.md "Screenshots"). Against a running production build with the demo catalog:
//
//   npx next build && npx tsx e2e/serve.ts --port 3127 &        # or `npm start` on the local stack
//   BASE_URL=http://127.0.0.1:3127 npx tsx scripts/screenshots.ts
//   ONLY=stores,search BASE_URL=… npx tsx scripts/screenshots.ts   # just those pages
//
// Also prints, per page and size, what the phone checks of issue 27 measure: sideways overflow, header height and
// whether the assistant launcher lies over a control. Uses Playwright's library with the system Chromium (CHROME_PATH, else /usr/bin/chromium).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const out = join(process.cwd(), 'docs', 'screenshots');
const sizes = [
  { name: 'phone', width: 390, height: 844, mobile: true },
  { name: 'desktop', width: 1366, height: 900, mobile: false },
] as const;

type ProductList = { items: { slug: string; category: string }[] };
type ProductDetail = { id: string; variants: { id: string; available: number }[] };

async function measure(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('header.site-header')?.getBoundingClientRect();
    const launcher = document.querySelector('.assistant__launcher')?.getBoundingClientRect();
    const covered: string[] = [];
    if (launcher) {
      for (const el of document.querySelectorAll('main a, main button, main input, main select, main textarea, footer a')) {
        const r = el.getBoundingClientRect();
        if (r.width && r.height && r.left < launcher.right && r.right > launcher.left && r.top < launcher.bottom && r.bottom > launcher.top) {
          covered.push((el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 40));
        }
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, headerHeight: Math.round(header?.height ?? 0), launcherCovers: covered };
  });
}

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  mkdirSync(out, { recursive: true });
  for (const size of sizes) {
    const context = await browser.newContext({
      baseURL: base,
      viewport: { width: size.width, height: size.height },
      isMobile: size.mobile,
      hasTouch: size.mobile,
    });
    const api = context.request;
    const list = (await (await api.get('/api/products?limit=48&sort=rating')).json()) as ProductList;
    let picked: { slug: string; category: string; productId: string; variantId: string } | undefined;
    for (const p of list.items) {
      const detail = (await (await api.get(`/api/products/${p.slug}`)).json()) as ProductDetail;
      const variant = detail.variants.find((v) => v.available > 1);
      if (variant) {
        picked = { slug: p.slug, category: p.category, productId: detail.id, variantId: variant.id };
        break;
      }
    }
    if (!picked) throw new Error('no in-stock product to show');
    const pages = [
      { name: 'home', path: '/' },
      { name: 'category', path: `/c/${picked.category}` },
      { name: 'product', path: `/p/${picked.slug}` },
      { name: 'checkout', path: '/checkout' },
      { name: 'stores', path: '/stores?q=Denver' },
      { name: 'search', path: '/search?q=hedphones&inStock=true' },
      // The header's type-ahead, open on a misspelt beginning (issue 27 "Predictive search").
      { name: 'suggestions', path: '/', type: 'hedph' },
    ].filter((p) => !process.env.ONLY || process.env.ONLY.split(',').includes(p.name));
    const page = await context.newPage();
    for (const { name, path, type } of pages as { name: string; path: string; type?: string }[]) {
      if (name === 'checkout') {
        // The same browser's cart (the context shares its cookies with the page).
        const added = await api.post('/api/cart/items', {
          data: { productId: picked.productId, variantId: picked.variantId, quantity: 1 },
          headers: { origin: base },
        });
        if (!added.ok()) throw new Error(`could not fill the cart: ${added.status()} ${await added.text()}`);
      }
      await page.goto(path, { waitUntil: 'networkidle' });
      if (type) {
        const box = page.getByRole('banner').getByRole('combobox', { name: 'Search products' });
        await box.click();
        await box.pressSequentially(type, { delay: 60 });
        await page.getByRole('listbox', { name: 'Search suggestions' }).getByRole('option').first().waitFor();
        await box.press('ArrowDown');
        await box.press('ArrowDown');
      }
      const file = join(out, `${name}-${size.name}.png`);
      await page.screenshot({ path: file });
      console.log(`${file.replace(`${process.cwd()}/`, '')}  ${JSON.stringify(await measure(page))}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
