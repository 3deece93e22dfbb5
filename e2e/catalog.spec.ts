import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { productCountStatus } from './listing-support';

/** Misspells a word the way people do: swaps two inner letters. */
function typo(word: string): string {
  const i = Math.floor(word.length / 2) - 1;
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

test('a shopper browses home → category → product, then finds it again with a typo', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Featured products' }).getByRole('listitem')).toHaveCount(12);
  await expectNoSeriousA11yViolations(page);

  // Category navigation in the header.
  const categoryNav = page.getByRole('navigation', { name: 'Categories' });
  const firstCategory = categoryNav.getByRole('link').first();
  const categoryName = (await firstCategory.textContent())!.trim();
  await firstCategory.click();
  await expect(page.getByRole('heading', { level: 1, name: categoryName })).toBeVisible();
  const listing = page.getByRole('list', { name: `${categoryName} products` });
  await expect(listing.getByRole('listitem')).toHaveCount(24);
  await expectNoSeriousA11yViolations(page);

  // Numbered pages: the second page shows other products and says where it is.
  const firstPageNames = await listing.getByRole('heading').allTextContents();
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await expect(pagination).toContainText(/Page 1 of \d+/);
  await pagination.getByRole('link', { name: 'Next page' }).click();
  await expect(pagination).toContainText(/Page 2 of \d+/);
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pagination.getByRole('link', { name: 'Page 2', exact: true })).toHaveAttribute('aria-current', 'page');
  const secondPageNames = await listing.getByRole('heading').allTextContents();
  expect(secondPageNames.length).toBeGreaterThan(0);
  expect(secondPageNames.filter((n) => firstPageNames.includes(n))).toEqual([]);

  // Sort by price: prices ascend.
  await page.getByLabel('Sort by').selectOption('price-asc');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page).toHaveURL(/sort=price-asc/);
  const prices = (await listing.locator('.price').allTextContents()).map((p) => Number(p.replace(/[^0-9.]/g, '')));
  expect(prices).toEqual([...prices].sort((a, b) => a - b));

  // Product page.
  await listing.getByRole('link').first().click();
  await page.waitForURL(/\/p\//);
  const productName = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: categoryName })).toBeVisible();
  await expect(page.locator('.product__price')).toHaveText(/\$\d/);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
  const firstRadio = page.getByRole('radio').first();
  if (await firstRadio.count()) {
    await firstRadio.check();
    await expect(page.locator('.availability')).toHaveText(/stock|left|not available/i);
  }
  await expectNoSeriousA11yViolations(page);

  // Search with a misspelled word from the product's name, typed into the header search box.
  const longest = productName
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]+$/.test(w))
    .sort((a, b) => b.length - a.length)[0]!;
  const misspelled = productName.replace(longest, typo(longest));
  expect(misspelled).not.toBe(productName);
  await page.getByRole('combobox', { name: 'Search products' }).fill(misspelled);
  await page.getByRole('combobox', { name: 'Search products' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Results for');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('heading', { name: productName }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: productName }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: productName })).toBeVisible();
});

test('a category narrows by price and stock with counts, and the URL holds every choice', async ({ page }) => {
  await page.goto('/c/coffee');
  const listing = page.getByRole('list', { name: 'Coffee products' });
  const { status, count: shownCount } = productCountStatus(page);
  const total = await shownCount();
  const names = await listing.getByRole('heading').allTextContents();

  // The filters are a plain GET form: a price band with its count, and stock.
  const filters = page.getByRole('form', { name: 'Filter products' });
  if (!(await filters.isVisible())) await page.getByText('Filters', { exact: true }).click();
  // A band that narrows the list: some products in it, not all.
  const bands = filters.getByRole('group', { name: 'Price' }).getByRole('radio', { name: /\(\d+\)$/ });
  let band = bands.first();
  let bandCount = 0;
  let bandLabel = '';
  for (const candidate of await bands.all()) {
    const label = (await candidate.locator('..').textContent())!.trim();
    const count = Number(/\((\d+)\)$/.exec(label)![1]);
    if (count > 0 && count < total) {
      [band, bandCount, bandLabel] = [candidate, count, label.replace(/\s*\(\d+\)$/, '')];
      break;
    }
  }
  expect(bandCount, 'a price band with some but not all of the category').toBeGreaterThan(0);
  const bandId = await band.getAttribute('value');
  await band.check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]price=${bandId}`));
  await expect(status).toHaveText(new RegExp(`^${bandCount} products?$`));
  expect(await listing.getByRole('heading').allTextContents()).not.toEqual(names);

  const stockFilters = page.getByRole('form', { name: 'Filter products' });
  if (!(await stockFilters.isVisible())) await page.getByText(/^Filters/).click();
  await stockFilters.getByRole('checkbox', { name: /In stock only/ }).check();
  await stockFilters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]inStock=true/);
  await expect(page).toHaveURL(new RegExp(`[?&]price=${bandId}`));
  const chips = page.getByRole('navigation', { name: 'Active filters' });
  await expect(chips.getByRole('link', { name: `Remove filter: ${bandLabel}` })).toBeVisible();
  await expect(chips.getByRole('link', { name: 'Remove filter: In stock only' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The URL alone restores the state (a shared link, a reload); removing a chip drops only that filter.
  await page.reload();
  await expect(chips.getByRole('link', { name: 'Remove filter: In stock only' })).toBeVisible();
  await chips.getByRole('link', { name: `Remove filter: ${bandLabel}` }).click();
  await expect(page).toHaveURL(/\/c\/coffee\?inStock=true$/);
  await chips.getByRole('link', { name: 'Clear all' }).click();
  await expect(page).toHaveURL(/\/c\/coffee$/);
  await expect(status).toHaveText(new RegExp(`^${total.toLocaleString('en-US')} products?$`));
});

test('a category shows a long size list as its most-counted eight and "Show all N sizes", and a ticked size stays in view', async ({ page }) => {
  await page.goto('/c/running-shoes');
  const filters = page.getByRole('form', { name: 'Filter products' });
  if (!(await filters.isVisible())) await page.getByText(/^Filters/).click();
  const sizes = filters.getByRole('group', { name: 'Size' });
  const boxes = sizes.getByRole('checkbox');
  const more = sizes.getByText(/^Show all \d+ sizes$/);
  const all = Number(/\d+/.exec((await more.textContent())!)![0]);
  expect(all).toBeGreaterThan(10);
  await expect(boxes.filter({ visible: true })).toHaveCount(8);
  // Tick one that was behind the disclosure (a closed disclosure's boxes still submit): after Apply it is shown at once, ticked.
  // Behind a closed disclosure a box is out of the accessibility tree, hence includeHidden.
  const size = (await sizes.getByRole('checkbox', { includeHidden: true }).filter({ visible: false }).first().getAttribute('value'))!;
  await more.click();
  await expect(boxes.filter({ visible: true })).toHaveCount(all);
  await sizes.getByRole('checkbox', { name: new RegExp(`^${size.replace('.', '\\.')} \\(`) }).check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]size=${size.replace('.', '\\.')}(&|$)`));
  if (!(await filters.isVisible())) await page.getByText(/^Filters/).click();
  await expect(sizes.getByRole('checkbox', { name: new RegExp(`^${size.replace('.', '\\.')} \\(`) })).toBeVisible();
  await expect(sizes.getByRole('checkbox', { name: new RegExp(`^${size.replace('.', '\\.')} \\(`) })).toBeChecked();
  await expectNoSeriousA11yViolations(page);
});

test('facets narrow search results and show counts', async ({ page }) => {
  await page.goto('/search?q=');
  const filters = page.getByRole('complementary', { name: 'Filters' });
  const categoryLink = filters.getByRole('link').first();
  const count = Number((await categoryLink.locator('span').last().textContent())!.trim());
  await categoryLink.click();
  await expect(productCountStatus(page).status).toHaveText(new RegExp(`^${count.toLocaleString('en-US')} products?$`));
});

test('an unknown product is a 404 page, not an error', async ({ page }) => {
  const res = await page.goto('/p/no-such-product-anywhere');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
});

test('sitemap lists every product and robots points to it', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
  const categories = (await (await request.get('/api/categories')).json()) as { categories: { productCount: number }[] };
  const total = categories.categories.reduce((n, c) => n + c.productCount, 0);
  const index = await (await request.get('/sitemap.xml')).text();
  const sitemapUrls = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  let productUrls = 0;
  if (index.includes('<sitemapindex')) {
    for (const url of sitemapUrls) {
      const body = await (await request.get(new URL(url).pathname)).text();
      productUrls += [...body.matchAll(/<loc>[^<]+\/p\/[^<]+<\/loc>/g)].length;
    }
  } else {
    productUrls = sitemapUrls.filter((u) => u.includes('/p/')).length;
  }
  expect(productUrls).toBe(total);
});
