import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { generateDemoCatalog } from '../local/catalog/demo-catalog';

const run = promisify(execFile);

// The catalog is cached ('use cache' + tags); the products stream expires the tags. A re-import through the
// real CLI must show the new price on the product page and in the API without a restart.
test('re-importing a product with a new price shows it without a restart', async ({ page, request, baseURL }) => {
  const port = new URL(baseURL!).port;
  const stackEnv = JSON.parse(readFileSync(join(tmpdir(), `storefront-e2e-${port}.json`), 'utf8')) as Record<string, string>;

  const row = generateDemoCatalog().find((r) => r.variants.length === 1)!;
  await page.goto(`/p/${row.slug}`);
  const before = row.variants[0]!.price;
  await expect(page.locator('.product__price')).toHaveText(`$${(before / 100).toFixed(2)}`);
  await request.get(`/api/products/${row.slug}`); // warm the JSON route's cache too

  const newPrice = before + 1234;
  const file = join(tmpdir(), `reimport-${port}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify([{ ...row, variants: [{ ...row.variants[0]!, price: newPrice }] }]));
  await run('npx', ['tsx', 'local/catalog/import-cli.ts', file], { env: { ...process.env, ...stackEnv } });

  const expected = `$${(newPrice / 100).toFixed(2)}`;
  await expect
    .poll(async () => ((await (await request.get(`/api/products/${row.slug}`)).json()) as { price: { amount: number } }).price.amount, { timeout: 20_000 })
    .toBe(newPrice);
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.locator('.product__price').textContent();
      },
      { timeout: 20_000 },
    )
    .toBe(expected);
});
