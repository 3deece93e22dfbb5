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
});
