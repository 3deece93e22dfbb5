import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoCatalog } from '../../../local/catalog/demo-catalog';
import { readUploadedImage } from '../images/uploads';
import type { CatalogRow } from './catalog-row-schema';
import { getStoredProduct, scanAll, useFreshCatalogTables } from './catalog-test-tables';
import { importCatalog } from './import-catalog';
import { catalogImageSource } from './import-images';
import { productIdFromSlug } from './product-id';
import { CatalogValidationError } from './validate-catalog-rows';

// A real catalogue's pictures (issue 27): files beside the catalogue and URLs, brought in by the importer into the
// product images bucket (fauxqs's S3 on the integration stack) before any product is written. The "remote" host is
// a server of this test on 127.0.0.1.

const picture = (colour: string, size = 600, format: 'png' | 'jpeg' = 'png') =>
  sharp({ create: { width: size, height: size, channels: 3, background: colour } })
    [format]()
    .toBuffer();

let dir: string;
let server: Server;
let origin: string;
const served = new Map<string, Buffer>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'catalogue-images-'));
  mkdirSync(path.join(dir, 'photos'));
  writeFileSync(path.join(dir, 'photos', 'front.png'), await picture('#c62f2f'));
  writeFileSync(path.join(dir, 'photos', 'teal.png'), await picture('#14877f'));
  writeFileSync(path.join(dir, 'photos', 'tiny.png'), await picture('#000000', 120));
  served.set('/side.jpg', await picture('#2f6fd0', 640, 'jpeg'));
  served.set('/not-an-image.jpg', Buffer.from('<html>hello</html>'));
  server = createServer((req, res) => {
    const body = served.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

let tables: { drop: () => Promise<void> };
beforeEach(async () => {
  tables = await useFreshCatalogTables();
});
afterEach(async () => {
  await tables.drop();
});

/** A demo product with two colours whose pictures are the given references. */
function rowWithPictures(images: string[], teal: string[]): CatalogRow {
  const [row] = generateDemoCatalog({ count: 1 });
  const variants = [
    { ...row!.variants[0]!, id: 'v-red', options: { size: '9', colour: 'Red' } },
    { ...row!.variants[0]!, id: 'v-teal', options: { size: '9', colour: 'Teal' } },
  ];
  return { ...row!, variants, images, imagesByColour: { Red: images, Teal: teal } };
}

describe('importing a catalogue with its own pictures', () => {
  it('stores files and URLs in the bucket and lists the stored copies, the same ones again on a re-import', async () => {
    expect(process.env.PRODUCT_IMAGES_BUCKET).toBeTruthy();
    const row = rowWithPictures(['photos/front.png', `${origin}/side.jpg`], ['photos/teal.png']);
    const summary = await importCatalog([row], { images: catalogImageSource(dir) });
    expect(summary).toMatchObject({ created: 1 });

    const id = productIdFromSlug(row.slug);
    const stored = await getStoredProduct(id);
    const images = stored?.images ?? [];
    expect(images).toHaveLength(2);
    for (const p of images) expect(p).toMatch(new RegExp(`^/images/uploads/products/${id}/[0-9a-f-]{36}$`));
    expect(stored?.imagesByColour?.Red).toEqual(images);
    expect(stored?.imagesByColour?.Teal).toHaveLength(1);

    const front = await readUploadedImage(images[0]!.replace('/images/uploads/', ''));
    expect(front?.contentType).toBe('image/png');
    const side = await readUploadedImage(images[1]!.replace('/images/uploads/', ''));
    expect(side?.contentType).toBe('image/jpeg');
    expect((await sharp(Buffer.from(side!.body)).metadata()).width).toBe(640);

    // Keys are named by the bytes: the same file imported again is the same path, so the product is unchanged.
    const again = await importCatalog([row], { images: catalogImageSource(dir) });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await getStoredProduct(id))?.images).toEqual(images);
  });

  it('writes no product when a picture cannot be brought in, and says which and why', async () => {
    const row = rowWithPictures(['photos/front.png', `${origin}/missing.jpg`, `${origin}/not-an-image.jpg`, 'photos/tiny.png'], ['photos/absent.png']);
    const attempt = importCatalog([row], { images: catalogImageSource(dir) });
    await expect(attempt).rejects.toBeInstanceOf(CatalogValidationError);
    const issues = ((await attempt.catch((err: CatalogValidationError) => err)) as CatalogValidationError).issues;
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [1, 'images[1]'],
      [1, 'images[2]'],
      [1, 'images[3]'],
      [1, 'imagesByColour.Red[1]'],
      [1, 'imagesByColour.Red[2]'],
      [1, 'imagesByColour.Red[3]'],
      [1, 'imagesByColour.Teal[0]'],
    ]);
    expect(issues[0]?.message).toMatch(/missing\.jpg .* could not be imported: the server answered 404/);
    expect(issues[1]?.message).toMatch(/not a JPEG, PNG or WebP/);
    expect(issues[2]?.message).toMatch(/120 × 120; each side must be at least 400/);
    expect(issues[6]?.message).toMatch(/absent\.png .*ENOENT/);
    expect(await scanAll('products')).toHaveLength(0);
  });

  it('refuses URLs and files when the import has no way to bring them in (the demo seed, a test)', async () => {
    const row = rowWithPictures([`${origin}/side.jpg`], ['photos/teal.png']);
    await expect(importCatalog([row])).rejects.toMatchObject({ issues: [{ field: 'images', message: expect.stringMatching(/catalog:import/) }] });
    expect(await scanAll('products')).toHaveLength(0);
  });
});
