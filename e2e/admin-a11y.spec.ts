import { expect, request as playwrightRequest, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { adminPages } from './admin-pages';

// Issue 29: axe over every back office page (e2e/admin-pages.ts is the list), signed in as the team each page is
// for, at a phone's width and a laptop's, and no page scrolls sideways at either width.

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

test('every admin page passes axe and fits the screen, on a phone and a laptop', async ({ browser }) => {
  test.setTimeout(240_000);
  const baseURL = test.info().project.use.baseURL;
  const marketer = await browser.newContext({ baseURL });
  const operations = await browser.newContext({ baseURL });
  const shopper = await playwrightRequest.newContext({ baseURL });
  const pages = await adminPages(marketer.request, operations.request, shopper);
  for (const viewport of VIEWPORTS) {
    for (const context of [marketer, operations]) {
      for (const p of await Promise.all(context.pages())) await p.close();
    }
    const tabs = { marketer: await marketer.newPage(), operations: await operations.newPage() };
    await tabs.marketer.setViewportSize(viewport);
    await tabs.operations.setViewportSize(viewport);
    for (const { path, as, heading } of pages) {
      const page = tabs[as];
      await test.step(`${path} at ${viewport.width}×${viewport.height}`, async () => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expect(page.getByRole('navigation', { name: 'Back office' })).toBeVisible();
        await expectNoSeriousA11yViolations(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways by ${overflow}px at ${viewport.width}px`).toBeLessThanOrEqual(0);
      });
    }
  }
  await shopper.dispose();
});
