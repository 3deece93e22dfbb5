import { describe, expect, it } from 'vitest';
import { describeProductChange } from './describe-product-change';

const base = {
  published: true,
  featuredRank: 10,
  variants: [
    { id: 'm', price: 2_000, stock: 5 },
    { id: 'l', price: 2_500, stock: 0 },
  ],
};

describe('describeProductChange', () => {
  it('names each changed field with before and after, prices as money', () => {
    const after = {
      published: false,
      featuredRank: 3,
      variants: [
        { id: 'm', price: 1_550, stock: 5 },
        { id: 'l', price: 2_500, stock: 12 },
      ],
    };
    expect(describeProductChange(base, after)).toEqual(['Unpublished', 'Featured rank 10 → 3', 'm: price $20.00 → $15.50', 'l: stock 0 → 12']);
  });

  it('says so when nothing shown changed', () => {
    expect(describeProductChange(base, base)).toEqual(['No visible change']);
  });

  it('names variants by the options shoppers pick, and content edits in words', () => {
    const after = { ...base, variants: [{ id: 'm', price: 1_550, stock: 5 }, base.variants[1]!] };
    expect(describeProductChange(base, after, new Map([['m', 'Orange / M']]))).toEqual(['Orange / M: price $20.00 → $15.50']);
    const content = { ...base, name: 'Mug', description: 'Old', images: ['/a.png', '/b.png'] };
    expect(describeProductChange(content, { ...content, name: 'Camp mug', description: 'New', images: ['/b.png', '/c.png'] })).toEqual([
      'Name “Mug” → “Camp mug”',
      'Description edited',
      'Images: 1 added, 1 removed',
    ]);
  });
});
