import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { expectNoSeriousA11yViolations } from './a11y';
import { productCountStatus } from './listing-support';

// Issue 27: pictures that tell products apart, colour swatches that change the picture (before hydration too), zoom,
// the phone's sticky "Add to cart", and brand, size and colour filters on a category page.

type Detail = { slug: string; name: string; images: string[]; imagesByColour?: Record<string, string[]>; variants: { options: Record<string, string> }[] };

/** A product of the category with at least `colours` colours that each have their own pictures. */
async function colourfulProduct(api: APIRequestContext, category: string, colours = 2): Promise<Detail> {
  const list = (await (await api.get(`/api/products?category=${category}&limit=24`)).json()) as { items: { slug: string }[] };
  for (const { slug } of list.items) {
    const detail = (await (await api.get(`/api/products/${slug}`)).json()) as Detail;
    if (Object.keys(detail.imagesByColour ?? {}).length >= colours) return detail;
  }
  throw new Error(`no ${category} product with ${colours} colours`);
}

/** The picture the gallery shows now (display:none sets and views have no box). */
function shownPicture(page: Page): Locator {
  return page.locator('.gallery__view > img').filter({ visible: true }).first();
}

/** The original /images/products/… path behind a next/image URL. */
async function pictureSource(img: Locator): Promise<string> {
  const src = (await img.getAttribute('src'))!;
  return src.startsWith('/_next/image') ? new URL(src, 'http://x').searchParams.get('url')! : src;
}

test('two products of one category have different pictures, down to the pixels', async ({ page }) => {
  await page.goto('/c/backpacks');
  // The card's picture is decorative (the card's link is named by the product), so it is found as an <img>.
  const cards = page.getByRole('list', { name: 'Backpacks products' }).getByRole('listitem').locator('img');
  const [a, b] = [await pictureSource(cards.nth(0)), await pictureSource(cards.nth(1))];
  expect(a).toMatch(/^\/images\/products\/backpacks\./);
  expect(b).not.toBe(a);
  const [pa, pb] = await Promise.all([page.request.get(a), page.request.get(b)]);
  expect([pa.status(), pb.status()]).toEqual([200, 200]);
  // Not just another file: another picture. At 64×64, a good share of the pixels differ clearly.
  const pixels = async (body: Buffer) => sharp(body).resize(64, 64).removeAlpha().raw().toBuffer();
  const [xa, xb] = await Promise.all([pixels(await pa.body()), pixels(await pb.body())]);
  let differing = 0;
  for (let i = 0; i < xa.length; i++) if (Math.abs(xa[i]! - xb[i]!) > 24) differing++;
  expect(differing / xa.length).toBeGreaterThan(0.05);
});

test('choosing another colour changes the main picture, and the views and zoom follow it', async ({ page }) => {
  const product = await colourfulProduct(page.request, 'backpacks');
  const [first, second] = Object.keys(product.imagesByColour!);
  await page.goto(`/p/${product.slug}`);
  const colours = page.getByRole('group', { name: 'Colour' });
  await colours.getByRole('radio', { name: first! }).check();
  await expect.poll(() => pictureSource(shownPicture(page))).toBe(product.imagesByColour![first!]![0]);

  await colours.getByRole('radio', { name: second! }).check();
  await expect.poll(() => pictureSource(shownPicture(page))).toBe(product.imagesByColour![second!]![0]);
  await expect(shownPicture(page)).toHaveAttribute('alt', `${product.name}, ${second}, image 1 of 3`);

  // The second view of this colour, by its thumbnail (a radio in a labelled group).
  await page
    .getByRole('group', { name: `Images of ${second}` })
    .getByRole('radio', { name: 'Image 2 of 3' })
    .check();
  await expect.poll(() => pictureSource(shownPicture(page))).toBe(product.imagesByColour![second!]![1]);

  // Zoom: a button opens the picture enlarged in a dialog; Escape closes it and focus comes back.
  const enlarge = page.getByRole('button', { name: `Enlarge image 2 of 3 (${second})` });
  await enlarge.click();
  const zoomed = page.getByRole('dialog', { name: `${product.name}, ${second}, image 2 of 3, enlarged` });
  await expect(zoomed).toBeVisible();
  await expect(zoomed.getByRole('img')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(zoomed).toBeHidden();
  await expectNoSeriousA11yViolations(page);
});

test('from 1024px, hovering the picture with a mouse magnifies the part under the pointer; narrower, it does not', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const product = await colourfulProduct(page.request, 'backpacks', 1);
  await page.goto(`/p/${product.slug}`);
  const picture = shownPicture(page);
  const box = (await picture.boundingBox())!;
  const scale = () => picture.evaluate((img) => new DOMMatrix(getComputedStyle(img).transform).a);
  const origin = () =>
    picture.evaluate((img) =>
      getComputedStyle(img)
        .transformOrigin.split(' ')
        .map((v) => Math.round(Number.parseFloat(v))),
    );
  expect(await scale()).toBe(1);
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.15);
  await expect.poll(scale).toBe(2);
  await expect.poll(origin).toEqual([Math.round(box.width * 0.1), Math.round(box.height * 0.1)]);
  await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.5);
  await expect.poll(origin).toEqual([Math.round(box.width * 0.9), Math.round(box.height * 0.5)]);
  // The zoom button under it still opens the enlarged view.
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(page.getByRole('dialog', { name: /, enlarged$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.mouse.move(box.x + box.width + 200, box.y);
  await expect.poll(scale).toBe(1);

  await page.setViewportSize({ width: 900, height: 900 });
  const narrow = (await picture.boundingBox())!;
  await page.mouse.move(narrow.x + narrow.width * 0.3, narrow.y + narrow.height * 0.3);
  await page.waitForTimeout(300);
  expect(await scale()).toBe(1);
});

test.describe('before hydration', () => {
  test.use({ javaScriptEnabled: false });

  test('a colour swatch already swaps the picture (CSS, no script)', async ({ page }) => {
    const product = await colourfulProduct(page.request, 'headphones');
    const [, second] = Object.keys(product.imagesByColour!);
    await page.goto(`/p/${product.slug}`);
    await page.getByRole('group', { name: 'Colour' }).getByRole('radio', { name: second! }).check();
    await expect.poll(() => pictureSource(shownPicture(page))).toBe(product.imagesByColour![second!]![0]);
  });
});

test('a category narrows by brand and by colour, with counts, chips and Clear all', async ({ page }) => {
  await page.goto('/c/jackets');
  const { status, count } = productCountStatus(page);
  const total = await count();
  const filters = page.getByRole('form', { name: 'Filter products' });

  const brand = filters.getByRole('group', { name: 'Brand' }).getByRole('checkbox').first();
  const brandName = (await brand.locator('xpath=following-sibling::span[1]').textContent())!;
  const brandCount = Number(/\((\d+)\)/.exec((await brand.locator('..').textContent())!)![1]);
  expect(brandCount).toBeGreaterThan(0);
  expect(brandCount).toBeLessThan(total);
  await brand.check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]brand=${encodeURIComponent(brandName).replace(/%20/g, '\\+')}`));
  await expect(status).toHaveText(new RegExp(`^${brandCount} products?$`));
  for (const name of await page.getByRole('list', { name: 'Jackets products' }).getByRole('heading').allTextContents()) expect(name).toContain(brandName);

  // A colour within the brand: the colour list counts within the brand choice.
  const colourBox = page.getByRole('form', { name: 'Filter products' }).getByRole('group', { name: 'Colour' }).getByRole('checkbox').first();
  const colourCount = Number(/\((\d+)\)/.exec((await colourBox.locator('..').textContent())!)![1]);
  const colourName = (await colourBox.locator('xpath=following-sibling::span[1]').textContent())!;
  await colourBox.check();
  await page.getByRole('form', { name: 'Filter products' }).getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]colour=/);
  expect(await count()).toBe(colourCount);
  expect(colourCount).toBeLessThanOrEqual(brandCount);
  // Every card shows the product in the colour filtered by.
  const key = colourName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  for (const img of await page.getByRole('list', { name: 'Jackets products' }).getByRole('listitem').locator('img').all()) {
    expect(await pictureSource(img)).toContain(`.${key}.1.png`);
  }

  const chips = page.getByRole('navigation', { name: 'Active filters' });
  await expect(chips.getByRole('link', { name: `Remove filter: Brand: ${brandName}` })).toBeVisible();
  await expect(chips.getByRole('link', { name: `Remove filter: Colour: ${colourName}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await chips.getByRole('link', { name: `Remove filter: Colour: ${colourName}` }).click();
  await expect(status).toHaveText(new RegExp(`^${brandCount} products?$`));
  await chips.getByRole('link', { name: 'Clear all' }).click();
  await expect(page).toHaveURL(/\/c\/jackets$/);
  expect(await count()).toBe(total);
});

test("a cart line shows the chosen colour's picture", async ({ page }) => {
  const product = await colourfulProduct(page.request, 'backpacks');
  const full = (await (await page.request.get(`/api/products/${product.slug}`)).json()) as {
    id: string;
    variants: { id: string; options: Record<string, string>; available: number }[];
  };
  const key = Object.keys(full.variants[0]!.options).find((k) => /^colou?r$/i.test(k))!;
  // A colour other than the first (the first shows the product's own pictures), with its own pictures, in stock.
  const variant = full.variants.find((v) => v.options[key] !== full.variants[0]!.options[key] && product.imagesByColour?.[v.options[key]!] && v.available > 0)!;
  const colour = variant.options[key]!;
  expect((await page.request.post('/api/cart/items', { data: { productId: full.id, variantId: variant.id, quantity: 1 } })).ok()).toBe(true);
  await page.goto('/cart');
  const line = page.getByRole('main').getByRole('listitem').filter({ hasText: product.name }).first();
  const src = await pictureSource(line.locator('img').first());
  expect(src).toBe(product.imagesByColour![colour]![0]);
  expect(src).not.toBe(product.images[0]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('"Add to cart" pins to the bottom once scrolled past, covers no control, and adds', async ({ page }) => {
    const product = await colourfulProduct(page.request, 'headphones', 1);
    await page.goto(`/p/${product.slug}`);
    const add = page.getByRole('button', { name: 'Add to cart' });
    await expect(add).toBeVisible();
    const placeBefore = (await add.boundingBox())!;
    expect(await page.locator('.buy-bar').count()).toBe(0);

    await page.getByRole('heading', { name: 'Reviews', level: 2 }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 400));
    await expect(page.locator('.buy-bar')).toBeVisible();
    const bar = (await page.locator('.buy-bar').boundingBox())!;
    expect(Math.round(bar.y + bar.height)).toBe(844);
    expect(bar.height).toBeLessThanOrEqual(80);
    await expect(page.locator('.buy-bar')).toContainText(product.name);
    // The same one button, now in the bar: still one "Add to cart" on the page.
    await expect(page.getByRole('button', { name: 'Add to cart' })).toHaveCount(1);
    expect((await add.boundingBox())!.y).not.toBe(placeBefore.y);

    // The assistant's launcher sits above the bar, not on it.
    const launcher = (await page.getByRole('button', { name: 'Ask the assistant' }).boundingBox())!;
    expect(launcher.y + launcher.height).toBeLessThanOrEqual(bar.y);
    await expectNoSeriousA11yViolations(page);

    // At the very end, the last links are clear of the bar.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = page.getByRole('contentinfo').getByRole('link').last();
    const lastBox = (await last.boundingBox())!;
    expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(bar.y);

    await add.click();
    const drawer = page.getByRole('dialog');
    await expect(drawer).toBeVisible();
    await expect(drawer).toContainText(product.name);

    // Back up: the button returns to its place and the bar is gone.
    await drawer.getByRole('button', { name: 'Close cart' }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.locator('.buy-bar')).toHaveCount(0);
  });
});
