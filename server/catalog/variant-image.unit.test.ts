import { describe, expect, it } from 'vitest';
import { variantImage } from './variant-image';

const variant = (id: string, options: Record<string, string>) => ({ id, options, price: 1000 });

const backpack = {
  images: ['/a.teal.1.png', '/a.teal.2.png'],
  imagesByColour: { Teal: ['/a.teal.1.png'], Sage: ['/a.sage.1.png', '/a.sage.2.png'] },
  variants: [variant('v1', { colour: 'Teal', size: 'M' }), variant('v2', { colour: 'Sage', size: 'M' }), variant('v3', { colour: 'Rust', size: 'L' })],
};

describe('variantImage', () => {
  it("shows a colour's own first picture", () => {
    expect(variantImage(backpack, { colour: 'Sage', size: 'M' })).toBe('/a.sage.1.png');
  });

  it('shows the product’s own first picture for the first colour (a marketer’s edit of images shows)', () => {
    expect(variantImage({ ...backpack, images: ['/edited.png'] }, { colour: 'Teal', size: 'M' })).toBe('/edited.png');
  });

  it('falls back to the product’s first picture for a colour without pictures, no colour option, or no pictures per colour', () => {
    expect(variantImage(backpack, { colour: 'Rust', size: 'L' })).toBe('/a.teal.1.png');
    expect(variantImage(backpack, { size: 'M' })).toBe('/a.teal.1.png');
    expect(variantImage({ ...backpack, imagesByColour: undefined }, { colour: 'Sage' })).toBe('/a.teal.1.png');
    expect(variantImage({ ...backpack, images: [] }, { colour: 'Rust' })).toBe('');
  });

  it('reads the American spelling of the option too', () => {
    const mug = {
      images: ['/m.white.1.png'],
      imagesByColour: { Black: ['/m.black.1.png'] },
      variants: [variant('w', { color: 'White' }), variant('b', { color: 'Black' })],
    };
    expect(variantImage(mug, { color: 'Black' })).toBe('/m.black.1.png');
  });
});
