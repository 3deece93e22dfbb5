import { expect, type Locator, type Page, test } from '@playwright/test';
import { inStockVariant, placeOrder, signUpShopper } from './order-support';

// Phone first (issue 27): at 390×844 no page scrolls sideways, the header stays within 140px and stays on screen with
// the cart in reach, the assistant is a round icon button that covers no control, and checkout states the total
// before the "Place order" button.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectPhoneFit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('main')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${path} scrolls sideways`).toBeLessThanOrEqual(390);
  const header = (await page.getByRole('banner').boundingBox())!;
  expect(header.height, `${path} header height`).toBeLessThanOrEqual(140);
}

/** Whether the element's centre, once scrolled into view, is the element itself (nothing fixed lies over it). */
async function uncovered(control: Locator): Promise<boolean> {
  await control.scrollIntoViewIfNeeded();
  return control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
}

test('the main pages fit a phone: no sideways scrolling, a header of at most 140px', async ({ page }) => {
  test.setTimeout(180_000);
  const item = await inStockVariant(page.request);
  await signUpShopper(page.request, 'phone');
  await placeOrder(page.request, item);
  expect((await page.request.post('/api/wishlist/items', { data: { productId: item.productId } })).ok()).toBe(true);
  for (const path of ['/', '/c/coffee', `/p/${item.slug}`, '/search?q=tent', '/cart', '/orders', '/wishlist', '/stores', '/help/returns']) {
    await expectPhoneFit(page, path);
  }
});

test('the header stays on screen with the cart count, and the assistant launcher is a round icon over no control', async ({ page }) => {
  const item = await inStockVariant(page.request);
  expect((await page.request.post('/api/cart/items', { data: { productId: item.productId, variantId: item.variantId, quantity: 2 } })).ok()).toBe(true);
  await page.goto('/c/coffee');
  const cart = page.getByRole('banner').getByRole('link', { name: 'Cart, 2 items' });
  await expect(cart).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 3000));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  await expect(cart).toBeInViewport();
  expect((await page.getByRole('banner').boundingBox())!.y).toBe(0);

  const launcher = page.getByRole('button', { name: 'Ask the assistant' });
  const box = (await launcher.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(56);
  expect(box.height).toBeLessThanOrEqual(56);
  await expect(launcher).toHaveText('');
  // At the end of the page the last controls are clear of the launcher.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const lastLink = page.getByRole('contentinfo').getByRole('link').last();
  expect(await uncovered(lastLink)).toBe(true);
});

test('checkout shows the order total before the Place order button, and the button is not covered', async ({ page }) => {
  const item = await inStockVariant(page.request);
  expect((await page.request.post('/api/cart/items', { data: { productId: item.productId, variantId: item.variantId, quantity: 1 } })).ok()).toBe(true);
  await page.goto('/checkout');
  const place = page.getByRole('button', { name: /^Place order/ });
  await expect(place).toBeVisible();
  const total = page.getByText('Order total', { exact: true }).first();
  const totalBox = (await total.boundingBox())!;
  const placeBox = (await place.boundingBox())!;
  expect(totalBox.y).toBeLessThan(placeBox.y);
  expect(await uncovered(place)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('every header control is whole on screen at 390px; the rest of the links are under Menu', async ({ page }) => {
  await page.goto('/');
  const banner = page.getByRole('banner');
  const controls = banner.locator('a:visible, button:visible, input:visible, summary:visible');
  expect(await controls.count()).toBeGreaterThan(3);
  for (const box of await controls.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      // Clipped by a scrolling ancestor (the category strip scrolls on purpose and is left out below) or the screen.
      return { name: (el.textContent || el.getAttribute('aria-label') || '').trim(), left: r.left, right: r.right, inStrip: !!el.closest('.category-nav') };
    }),
  )) {
    if (box.inStrip) continue;
    expect(box.left, `${box.name} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.right, `${box.name} ends on screen`).toBeLessThanOrEqual(390);
  }
  const menu = banner.getByText('Menu', { exact: true });
  await menu.click();
  const signIn = banner.getByRole('link', { name: 'Sign in' });
  await expect(signIn).toBeInViewport({ ratio: 1 });
  await expect(banner.getByRole('link', { name: 'Orders' })).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await expect(signIn).toBeHidden();
});

test('checkout on a phone: a collapsible order summary with the total comes before the payment step', async ({ page }) => {
  const item = await inStockVariant(page.request);
  expect((await page.request.post('/api/cart/items', { data: { productId: item.productId, variantId: item.variantId, quantity: 1 } })).ok()).toBe(true);
  await page.goto('/checkout');
  const summary = page.locator('main details').filter({ has: page.locator('summary', { hasText: 'Order summary' }) });
  const toggle = summary.locator('summary');
  await expect(toggle).toContainText(/(Total|Subtotal) \$\d/);
  const card = page.getByLabel('Card number');
  expect((await toggle.boundingBox())!.y).toBeLessThan((await card.boundingBox())!.y);
  // Closed at first (the form stays short); open, it lists the lines and the totals.
  await expect(summary.getByText('Subtotal', { exact: true })).toBeHidden();
  await toggle.click();
  await expect(summary.getByText('Subtotal', { exact: true })).toBeVisible();
  await expect(summary.getByRole('listitem').first()).toBeVisible();
});

/**
 * The controls the assistant launcher lies over, as a shopper would find them: each visible link, button, input,
 * select or summary whose box meets the launcher's, and which would be the thing touched at the middle of that
 * overlap if the launcher were not there (so a card passing under the sticky header, which covers it, is not
 * counted against the launcher).
 */
async function underLauncher(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const launcher = document.querySelector<HTMLElement>('.assistant__launcher');
    if (!launcher) throw new Error('no assistant launcher');
    const l = launcher.getBoundingClientRect();
    const hits: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('a, button, input, select, textarea, summary')) {
      if (el === launcher || el.contains(launcher) || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      const left = Math.max(r.left, l.left);
      const right = Math.min(r.right, l.right);
      const top = Math.max(r.top, l.top);
      const bottom = Math.min(r.bottom, l.bottom);
      if (right <= left || bottom <= top) continue;
      // The launcher's own wrapper (the widget) is left out with it.
      const widget = launcher.closest('.assistant') ?? launcher;
      const below = document.elementsFromPoint((left + right) / 2, (top + bottom) / 2).filter((e) => !widget.contains(e));
      if (below[0] && (below[0] === el || el.contains(below[0]))) {
        hits.push((el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 40));
      }
    }
    return hits;
  });
}

test('the assistant launcher lies over no link, button or input on the shop pages, at the top and at the bottom', async ({ page }) => {
  test.setTimeout(120_000);
  const item = await inStockVariant(page.request);
  expect((await page.request.post('/api/cart/items', { data: { productId: item.productId, variantId: item.variantId, quantity: 1 } })).ok()).toBe(true);
  for (const path of ['/', '/c/backpacks', '/search?q=tent', `/p/${item.slug}`, '/cart', '/checkout']) {
    await page.goto(path);
    const launcher = page.getByRole('button', { name: 'Ask the assistant' });
    await expect(launcher, `${path} shows the launcher`).toBeVisible();
    expect(await underLauncher(page), `${path} at the top`).toEqual([]);
    // Scrolled again on each try: images and islands arriving late can still lengthen the page.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const doc = document.documentElement;
          window.scrollTo(0, doc.scrollHeight);
          return doc.scrollHeight - (window.scrollY + doc.clientHeight);
        }),
      )
      .toBeLessThanOrEqual(2);
    await expect(launcher).toBeInViewport();
    expect(await underLauncher(page), `${path} at the bottom`).toEqual([]);
    // Half way down too: a floating button would lie over whatever passes under it there.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2 - window.innerHeight / 2));
    expect(await underLauncher(page), `${path} half way down`).toEqual([]);
  }
  // The check can fail: the launcher floating in the corner, as it did before, lies over a product card on /.
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Ask the assistant' })).toBeVisible();
  await page.addStyleTag({ content: '.assistant { position: fixed; right: 16px; bottom: 16px; } .assistant__launcher { width: 52px; height: 52px; }' });
  const floating: string[] = [];
  for (const y of [0, 400, 800, 1200]) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    floating.push(...(await underLauncher(page)));
  }
  expect(floating.length).toBeGreaterThan(0);
  await page.reload();
  // It still opens its panel, and closing it gives focus back to the launcher.
  await page.getByRole('button', { name: 'Ask the assistant' }).click();
  await expect(page.getByRole('textbox', { name: /message|ask/i }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Ask the assistant' })).toBeFocused();
});
