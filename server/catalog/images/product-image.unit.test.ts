import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { colourKey, swatchHex } from './colours';
import { productArt } from './product-art';
import { parseProductImageFileName, parseProductImagePath, productImagePath } from './product-image-name';
import { buildProductImageSvg, PRODUCT_IMAGE_SIZE, productImagePlaceholder } from './product-image-svg';
import { renderProductImagePng } from './render-product-image';

const spec = { category: 'running-shoes', productId: 'p-5767f8c710eea08e', colour: 'teal', index: 1 };

describe('product image names', () => {
  it('round-trip between the path the generator writes and the name the route parses, with or without a colour', () => {
    const path = productImagePath(spec);
    expect(path).toBe('/images/products/running-shoes.p-5767f8c710eea08e.teal.1.png');
    expect(parseProductImageFileName(path.split('/').pop()!)).toEqual(spec);
    const { colour: _none, ...plain } = spec;
    expect(productImagePath(plain)).toBe('/images/products/running-shoes.p-5767f8c710eea08e.1.png');
    expect(parseProductImagePath(productImagePath(plain))).toEqual(plain);
    expect(parseProductImagePath('/images/uploads/products/p-1/abc')).toBeNull();
  });

  it.each([
    '',
    'x.png',
    'running-shoes.p-1.0.png',
    'running-shoes.p-1.10.png',
    'Running.p-1.1.png',
    'running-shoes.p-1.1.jpg',
    'running-shoes.p-1.Teal.1.png',
    '../etc.p.1.png',
    'a.b.c.d.1.png',
    'a.<svg>.1.png',
  ])('rejects %j', (name) => {
    expect(parseProductImageFileName(name)).toBeNull();
  });

  it('keys colours by their name in file-name form', () => {
    expect(colourKey('Forest Green')).toBe('forest-green');
    expect(colourKey('  Rosé / Gold ')).toBe('rose-gold');
    expect(swatchHex('Sky Blue')).toMatch(/^#[0-9a-f]{6}$/);
    expect(swatchHex('Unobtainium')).toBeNull();
  });
});

describe('product art parameters', () => {
  const shape = (a: ReturnType<typeof productArt>) => [a.pattern, a.patternAngle, a.patternScale, a.mark, a.markAt, a.widthScale, a.heightScale, a.tilt];

  it('are the same for the same product, every time', () => {
    expect(productArt(spec)).toEqual(productArt({ ...spec }));
  });

  it('differ between two products of one category, in the same colour', () => {
    const a = productArt({ category: 'backpacks', productId: 'p-1', colour: 'red' });
    const b = productArt({ category: 'backpacks', productId: 'p-2', colour: 'red' });
    expect(shape(a)).not.toEqual(shape(b));
  });

  it('tell a whole category apart: no two of a hundred products share pattern, mark and proportions', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const a = productArt({ category: 'backpacks', productId: `p-${i.toString(16).padStart(16, '0')}`, colour: 'navy' });
      seen.add(JSON.stringify(shape(a)));
    }
    expect(seen.size).toBe(100);
  });

  it('repaint a product for another colour without recutting it', () => {
    const teal = productArt(spec);
    const red = productArt({ ...spec, colour: 'red' });
    expect(shape(red)).toEqual(shape(teal));
    expect(red.colour).not.toBe(teal.colour);
    expect(teal.colour).toBe(swatchHex('Teal'));
  });

  it('pick an accent and trim that stand apart from the paint', () => {
    for (const colour of ['black', 'white', 'mustard', 'yellow', 'sage', 'some-new-colour', undefined]) {
      const a = productArt({ category: 'yoga', productId: 'p-9', colour });
      expect(a.accent).not.toBe(a.colour);
      expect(a.trim).not.toBe(a.colour);
      expect(a.colour).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});

describe('product image SVG', () => {
  it('is the same for the same name and different for another product, colour or view', () => {
    const svg = buildProductImageSvg(spec);
    expect(buildProductImageSvg({ ...spec })).toBe(svg);
    expect(buildProductImageSvg({ ...spec, productId: 'p-other' })).not.toBe(svg);
    expect(buildProductImageSvg({ ...spec, colour: 'red' })).not.toBe(svg);
    expect(buildProductImageSvg({ ...spec, index: 2 })).not.toBe(svg);
    expect(buildProductImageSvg({ ...spec, index: 3 })).not.toBe(buildProductImageSvg({ ...spec, index: 2 }));
  });

  it('paints the colour of the variant, and still draws something for an unknown category or colour', () => {
    expect(buildProductImageSvg(spec)).toContain(swatchHex('Teal'));
    const unknown = buildProductImageSvg({ ...spec, category: 'garden-tools', colour: 'heather-mist' });
    expect(unknown).toMatch(/^<svg [^>]*width="800" height="800"/);
  });

  it('contains only numbers and fixed colours, never the id, the colour key or NaN', () => {
    for (const index of [1, 2, 3]) {
      const svg = buildProductImageSvg({ ...spec, colour: 'heather-mist', index });
      expect(svg).not.toContain(spec.productId);
      expect(svg).not.toContain('heather');
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it("has a small placeholder in the product's own colours", () => {
    const placeholder = productImagePlaceholder(spec);
    expect(placeholder.startsWith('data:image/svg+xml,')).toBe(true);
    expect(placeholder.length).toBeLessThan(330);
    expect(decodeURIComponent(placeholder)).toContain(productArt(spec).colour);
    expect(placeholder).not.toMatch(/["#<>]/);
  });

  it('renders to an 800×800 PNG, and two products of one category to different pixels', async () => {
    const png = await renderProductImagePng(spec);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: PRODUCT_IMAGE_SIZE, height: PRODUCT_IMAGE_SIZE });
    expect((await renderProductImagePng(spec)).equals(png)).toBe(true);
    const pixels = (b: Buffer) => sharp(b).resize(64, 64).raw().toBuffer();
    const [a, b] = await Promise.all([pixels(png), renderProductImagePng({ ...spec, productId: 'p-0000000000000002' }).then(pixels)]);
    let differing = 0;
    for (let i = 0; i < a.length; i++) if (Math.abs((a[i] as number) - (b[i] as number)) > 24) differing++;
    expect(differing / a.length).toBeGreaterThan(0.05);
  });
});
