import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectNoSeriousA11yViolations } from './a11y';
import { signIn } from './order-support';

// Product content end to end (issue 29): a marketer uploads an image in the browser, straight to the S3 stand-in
// with a presigned POST, saves it as the product's main image, and sees it on the shop's product page through the
// image optimiser. A file the browser can tell is too small is refused before any upload.

const MARKETER = { email: 'marketer@example.com', password: 'Marketer-pass-1' };

test('a marketer uploads an image and sees it on the product page', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page.request, MARKETER.email, MARKETER.password);
  // A product from the end of a listing, away from the ones other specs buy.
  const list = (await (await page.request.get('/api/products?limit=48&sort=rating')).json()) as { items: { slug: string; id: string }[] };
  const { slug, id } = list.items.at(-1)!;

  await page.goto(`/admin/products/${id}`);
  const content = page.getByRole('region', { name: 'Content' });
  await expect(content).toBeVisible();

  const tiny = await sharp({ create: { width: 120, height: 120, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
  await content.getByLabel(/Add an image/).setInputFiles({ name: 'tiny.png', mimeType: 'image/png', buffer: tiny });
  await content.getByRole('button', { name: 'Upload image' }).click();
  await expect(content.getByRole('alert')).toContainText('at least 400 pixels');

  const photo = await sharp({ create: { width: 900, height: 900, channels: 3, background: '#d9662b' } })
    .jpeg()
    .toBuffer();
  await content.getByLabel(/Add an image/).setInputFiles({ name: 'orange.jpg', mimeType: 'image/jpeg', buffer: photo });
  await content.getByRole('button', { name: 'Upload image' }).click();
  await expect(content.getByRole('status')).toContainText('orange.jpg uploaded');
  await expectNoSeriousA11yViolations(page);
  // The new image last; make it the main one.
  const total = await content.getByRole('button', { name: /^Move image \d+ earlier$/ }).count();
  for (let position = total; position >= 2; position--) await content.getByRole('button', { name: `Move image ${position} earlier` }).click();
  await content.getByRole('button', { name: 'Save content' }).click();
  await expect(content.getByRole('status')).toContainText('Content saved');

  const product = (await (await page.request.get(`/api/admin/products/${id}`)).json()) as { images: string[]; version: number };
  expect(product.images[0]).toMatch(/^\/images\/uploads\/products\//);
  // The page re-renders after the save (its history gains the new version) and the form keeps saying it saved.
  await expect(page.getByRole('list', { name: /^History of / }).getByText(`Version ${product.version}`, { exact: true })).toBeVisible();
  await expect(content.getByRole('status')).toContainText('Content saved');

  // On the shop's page within 10 s (the catalog cache is told by the products stream), through the optimiser.
  // The picture the gallery shows (the other colourways' and views' are in the page, hidden).
  const main = page.locator('.gallery__view > img').filter({ visible: true }).first();
  await expect
    .poll(
      async () => {
        await page.goto(`/p/${slug}`);
        return (await main.getAttribute('src')) ?? '';
      },
      { timeout: 10_000, intervals: [1_000] },
    )
    .toContain(encodeURIComponent('/images/uploads/products/'));
  await expect.poll(() => main.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});
