import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseProductImageFileName, productImagePath } from './product-image-name';
import { buildProductImageSvg, PRODUCT_IMAGE_SIZE } from './product-image-svg';
import { renderProductImagePng } from './render-product-image';

const spec = { category: 'running-shoes', productId: 'p-5767f8c710eea08e', index: 1 };

describe('product image names', () => {
  it('round-trip between the path the generator writes and the name the route parses', () => {
    const path = productImagePath(spec);
    expect(path).toBe('/images/products/running-shoes.p-5767f8c710eea08e.1.png');
    expect(parseProductImageFileName(path.split('/').pop()!)).toEqual(spec);
  });

  it.each([
    '',
    'x.png',
    'running-shoes.p-1.0.png',
    'running-shoes.p-1.10.png',
    'Running.p-1.1.png',
    'running-shoes.p-1.1.jpg',
    '../etc.p.1.png',
    'a.b.c.1.png',
    'a.<svg>.1.png',
  ])('rejects %j', (name) => {
    expect(parseProductImageFileName(name)).toBeNull();
  });
});

describe('product image SVG', () => {
  it('is the same for the same name and different for another product or picture number', () => {
    const svg = buildProductImageSvg(spec);
    expect(buildProductImageSvg({ ...spec })).toBe(svg);
    expect(buildProductImageSvg({ ...spec, productId: 'p-other' })).not.toBe(svg);
    expect(buildProductImageSvg({ ...spec, index: 2 })).not.toBe(svg);
  });

  it('uses the category palette, and still draws something for an unknown category', () => {
    expect(buildProductImageSvg(spec)).toContain('#ff7a59');
    expect(buildProductImageSvg({ ...spec, category: 'coffee' })).toContain('#6f4e37');
    const unknown = buildProductImageSvg({ ...spec, category: 'garden-tools' });
    expect(unknown).toMatch(/^<svg [^>]*width="800" height="800"/);
  });

  it('contains only numbers and fixed colours, never the id or NaN', () => {
    for (const index of [1, 2, 3]) {
      const svg = buildProductImageSvg({ ...spec, index });
      expect(svg).not.toContain(spec.productId);
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('renders to an 800×800 PNG', async () => {
    const png = await renderProductImagePng(spec);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: PRODUCT_IMAGE_SIZE, height: PRODUCT_IMAGE_SIZE });
    expect((await renderProductImagePng(spec)).equals(png)).toBe(true);
  });
});
