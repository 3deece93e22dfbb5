import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { productCountStatus } from './listing-support';
import { inStockVariant } from './order-support';

// Issue 27 items 4 and 6: the header's predictive search (a combobox driven from the keyboard), the results page
// after a spelling correction, and the store locator's map with "Set as my store" feeding checkout's estimate.

test('typing "hedph" suggests headphones; the arrow keys move through them and Enter opens the product', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('banner').getByRole('combobox', { name: 'Search products' });
  await box.click();
  await box.pressSequentially('hedph', { delay: 40 });
  const list = page.getByRole('listbox', { name: 'Search suggestions' });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  // The misspelt beginning is corrected, and the products are headphones, each with a picture and a price.
  await expect(list.getByRole('option').first()).toContainText('Did you mean headphones?');
  const products = list.getByRole('option').filter({ has: page.locator('img') });
  await expect(products.first()).toContainText(/\$\d/);
  expect(await products.count()).toBeGreaterThan(1);
  await expect(page.getByRole('banner').getByText('Showing suggestions for headphones')).toBeAttached();
  await expectNoSeriousA11yViolations(page);

  // Down to the first product (after the correction); the box says which option is active.
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  const active = products.first();
  await expect(active).toHaveAttribute('aria-selected', 'true');
  const activeId = await active.getAttribute('id');
  await expect(box).toHaveAttribute('aria-activedescendant', activeId!);
  // Up and down again wrap through the list and come back to the same option.
  await box.press('ArrowUp');
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  const name = (await active.locator('.search-suggestion__name').textContent())!;

  await box.press('Enter');
  await expect(page).toHaveURL(/\/p\/[^/?]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('Escape closes the suggestions; Enter with nothing chosen is a plain search that keeps the words in the box', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('banner').getByRole('combobox', { name: 'Search products' });
  await box.click();
  await box.pressSequentially('coffee', { delay: 40 });
  const list = page.getByRole('listbox', { name: 'Search suggestions' });
  await expect(list.getByRole('option').first()).toBeVisible();
  await box.press('Escape');
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(box).toHaveValue('coffee');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=coffee$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “coffee”');
  await expect(box).toHaveValue('coffee');
});

test('the results page says which spelling it searched for, and shows the filters as chips with "Clear all"', async ({ page }) => {
  await page.goto('/search?q=hedphones');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “headphones”');
  await expect(page.getByText('Showing results for headphones. You searched for “hedphones”.')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('combobox', { name: 'Search products' })).toHaveValue('hedphones');

  await page.goto('/search?q=headphones&inStock=true&minRating=4');
  await expect(page.getByText('Showing results for')).toHaveCount(0);
  const chips = page.getByRole('navigation', { name: 'Active filters' });
  await expect(chips.getByRole('link', { name: /Remove filter: In stock only/ })).toBeVisible();
  await expect(chips.getByRole('link', { name: /Remove filter: 4/ })).toBeVisible();
  await chips.getByRole('link', { name: /Remove filter: In stock only/ }).click();
  await expect(page).toHaveURL(/\/search\?q=headphones&minRating=4$/);
  await page.getByRole('navigation', { name: 'Active filters' }).getByRole('link', { name: 'Clear all' }).click();
  await expect(page).toHaveURL(/\/search\?q=headphones$/);
  await expect(page.getByRole('navigation', { name: 'Active filters' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('/search narrows by brand and colour like a category page, with counts, chips and Clear all', async ({ page }) => {
  await page.goto('/search?q=jacket');
  const { status, count } = productCountStatus(page);
  const total = await count();
  const facets = page.getByRole('complementary', { name: 'Filters' });
  const valueLinks = (heading: string) => facets.locator(`h2:text-is("${heading}") + ul`).getByRole('link');

  const brand = valueLinks('Brand').first();
  const brandName = (await brand.locator('span').first().textContent())!;
  const brandCount = Number(await brand.locator('span').last().textContent());
  expect(brandCount).toBeGreaterThan(0);
  expect(brandCount).toBeLessThan(total);
  await brand.click();
  await expect(page).toHaveURL(new RegExp(`[?&]brand=${encodeURIComponent(brandName).replace(/%20/g, '\\+')}`));
  await expect(status).toHaveText(new RegExp(`^${brandCount} products?$`));
  await expect(valueLinks('Brand').filter({ hasText: brandName })).toHaveAttribute('aria-current', 'true');

  // A colour within the brand: the colour counts are within the brand choice; the JSON API answers the same total.
  const colour = valueLinks('Colour').first();
  const colourName = (await colour.locator('span').first().textContent())!;
  const colourCount = Number(await colour.locator('span').last().textContent());
  await colour.click();
  await expect(page).toHaveURL(/[?&]colour=/);
  await expect(status).toHaveText(new RegExp(`^${colourCount} products?$`));
  expect(colourCount).toBeLessThanOrEqual(brandCount);
  const api = await page.request.get(
    `/api/search?${new URLSearchParams([
      ['q', 'jacket'],
      ['brand', brandName],
      ['colour', colourName],
    ])}`,
  );
  expect(api.ok()).toBe(true);
  expect(((await api.json()) as { total: number }).total).toBe(colourCount);

  const chips = page.getByRole('navigation', { name: 'Active filters' });
  await expect(chips.getByRole('link', { name: `Remove filter: Brand: ${brandName}` })).toBeVisible();
  await expect(chips.getByRole('link', { name: `Remove filter: Colour: ${colourName}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await chips.getByRole('link', { name: `Remove filter: Colour: ${colourName}` }).click();
  await expect(status).toHaveText(new RegExp(`^${brandCount} products?$`));
  await page.getByRole('navigation', { name: 'Active filters' }).getByRole('link', { name: 'Clear all' }).click();
  await expect(page).toHaveURL(/\/search\?q=jacket$/);
  expect(await count()).toBe(total);
});

test('/search shows a long brand list by its most-counted values, "Show all N brands" opening the rest', async ({ page }) => {
  await page.goto('/search?q=');
  const brands = page.getByRole('complementary', { name: 'Filters' }).getByRole('group', { name: 'Brand' });
  const more = brands.getByText(/^Show all \d+ brands$/);
  const all = Number(/\d+/.exec((await more.textContent())!)![0]);
  expect(all).toBeGreaterThan(10);
  const links = brands.getByRole('link');
  await expect(links.filter({ visible: true })).toHaveCount(8);
  // The shown ones are the most-counted: none hidden counts more than the least shown.
  const counts = async (visible: boolean) =>
    (await brands.getByRole('link', { includeHidden: true }).filter({ visible }).locator('span:last-child').allTextContents()).map(Number);
  const hidden = await counts(false);
  expect(hidden).toHaveLength(all - 8);
  const hiddenMax = Math.max(...hidden);
  expect(Math.min(...(await counts(true)))).toBeGreaterThanOrEqual(hiddenMax);
  await more.click();
  await expect(links.filter({ visible: true })).toHaveCount(all);
  await expectNoSeriousA11yViolations(page);
});

test('/stores draws a map with the stores and "you are here", pans and zooms, and remembers "my store" for checkout', async ({ page }) => {
  await page.goto('/stores?q=Seattle');
  const map = page.getByRole('img', { name: /Map of the 5 nearest stores to Seattle/ });
  await expect(map).toBeVisible();
  // Real geography: land, coastline and state lines are paths with data, and each store is a numbered marker.
  for (const layer of ['land', 'nation', 'states', 'coast']) {
    expect((await map.locator(`.store-map__${layer}`).getAttribute('d'))!.length, layer).toBeGreaterThan(200);
  }
  await expect(map.locator('.store-map__marker--store')).toHaveCount(5);
  await expect(map.locator('.store-map__marker--origin')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Map legend' })).toContainText('You are here');
  // Distances in miles for a US browser; each store has a directions link.
  const stores = page
    .getByRole('list', { name: 'Nearest stores' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(stores.first()).toContainText(/\d mi away/);
  await expect(stores.first().getByRole('link', { name: /^Directions/ })).toHaveAttribute(
    'href',
    /^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=47\./,
  );
  await expectNoSeriousA11yViolations(page);

  // Zoom and pan by buttons and keys: the base map's transform changes; the markers keep their size.
  const base = map.locator('g[transform^="translate"]').first();
  const before = await base.getAttribute('transform');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(base).not.toHaveAttribute('transform', before!);
  expect(await base.getAttribute('transform')).toContain('scale(1.600)');
  await page.getByRole('region', { name: 'Store map' }).focus();
  const zoomed = await base.getAttribute('transform');
  await page.keyboard.press('ArrowLeft');
  await expect(base).not.toHaveAttribute('transform', zoomed!);
  await page.getByRole('button', { name: 'Reset map' }).click();
  await expect(base).toHaveAttribute('transform', before!);

  // "Set as my store" on the second store: remembered across a reload, drawn as "your store".
  const second = stores.nth(1);
  const storeName = (await second.getByRole('heading', { level: 3 }).textContent())!;
  await second.getByRole('button', { name: /^Set as my store/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `${storeName} is now your store.` })).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Your store: ${storeName}`)).toBeVisible();
  await expect(stores.filter({ hasText: storeName }).getByText('★ Your store')).toBeVisible();
  await expect(map.locator('.store-map__marker--my-store')).toHaveCount(1);
  await page.goto('/stores');
  await expect(page.getByText(`Your store: ${storeName}`)).toBeVisible();

  // Checkout estimates delivery near that store until an address is typed.
  const item = await inStockVariant(page.request);
  expect((await page.request.post('/api/cart/items', { data: { productId: item.productId, variantId: item.variantId, quantity: 1 } })).ok()).toBe(true);
  await page.goto('/checkout');
  await expect(page.getByRole('status').filter({ hasText: `Estimated delivery near your store (${storeName})` })).toBeVisible();
});

test('the assistant’s panel scrolls to each new reply', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 700 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Ask the assistant' }).click();
  const panel = page.getByRole('dialog', { name: 'Shopping assistant' });
  const log = panel.getByRole('log');
  const replies = log.locator('.assistant__msg--assistant');
  // The greeting first (the panel loads on demand): counting before it is there would point at the wrong reply.
  await expect(replies).toHaveCount(1);
  for (const text of ['find running shoes', 'find a tent', 'find coffee']) {
    const before = await replies.count();
    await panel.getByLabel('Message').fill(text);
    await page.keyboard.press('Enter');
    await expect(replies).toHaveCount(before + 1);
    const reply = replies.nth(before);
    // The newest reply's first line is inside the log's visible box (not below it, needing a scroll).
    await expect
      .poll(async () => {
        const [r, l] = await Promise.all([reply.boundingBox(), log.boundingBox()]);
        if (!r || !l) return 'no box';
        const top = r.y - l.y;
        const fromBottom = l.y + l.height - r.y;
        // On failure the message shows where the reply was.
        return top >= -1 && fromBottom > 10 ? 'in view' : `top ${Math.round(top)}, from bottom ${Math.round(fromBottom)}, log ${Math.round(l.height)}`;
      })
      .toBe('in view');
  }
  // The log really did scroll: the conversation is taller than the log.
  expect(await log.evaluate((el) => el.scrollHeight > el.clientHeight && el.scrollTop > 0)).toBe(true);
  await expect(log.getByRole('list', { name: 'Products found' }).last().getByRole('link').first()).toHaveAttribute('href', /^\/p\//);
});

test.describe('before any script has run', () => {
  test.use({ javaScriptEnabled: false });

  test('the header and results-page searches are plain GET forms holding the words, and "Set as my store" is a form post', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('banner').getByRole('combobox', { name: 'Search products' });
    await box.fill('coffee');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=coffee$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “coffee”');
    // The header is the cached shared layout and cannot know the words; the results page's own box holds them, and
    // is a plain GET form too.
    const again = page.getByRole('search', { name: 'Search again' }).getByRole('searchbox', { name: 'Your search' });
    await expect(again).toHaveValue('coffee');
    await again.fill('headphones');
    await page.getByRole('button', { name: 'Search again' }).click();
    await expect(page).toHaveURL(/\/search\?q=headphones$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “headphones”');
    await expect(page.getByRole('search', { name: 'Search again' }).getByRole('searchbox', { name: 'Your search' })).toHaveValue('headphones');

    await page.goto('/stores?q=Portland');
    const first = page
      .getByRole('list', { name: 'Nearest stores' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3 }) })
      .first();
    const name = (await first.getByRole('heading', { level: 3 }).textContent())!;
    await first.getByRole('button', { name: /^Set as my store/ }).click();
    await expect(page.getByText(`${name} is now your store.`)).toBeVisible();
    await expect(page.getByText(`Your store: ${name}`)).toBeVisible();
  });
});
