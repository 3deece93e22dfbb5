import { describe, expect, it } from 'vitest';
import { categoryHref } from './category-url';
import { pageWindow } from './numbered-pager';

describe('category page URLs', () => {
  it('keeps every choice in the URL and leaves defaults out', () => {
    expect(categoryHref('/c/tents', { sort: 'featured', page: 1 })).toBe('/c/tents');
    expect(categoryHref('/c/tents', { price: '25-50', minRating: 4, inStock: true, sort: 'price-asc', page: 1 }, { page: 3 })).toBe(
      '/c/tents?price=25-50&minRating=4&inStock=true&sort=price-asc&page=3',
    );
    expect(categoryHref('/c/tents', { price: '25-50', inStock: true, sort: 'featured', page: 2 }, { price: undefined })).toBe('/c/tents?inStock=true&page=2');
  });

  it('writes brand, size and colour once per value, sorted, so one choice has one URL', () => {
    const state = { sort: 'featured' as const, page: 1, brand: ['Summit Supply', 'Highfell'], colour: ['Red'], size: [] };
    expect(categoryHref('/c/jackets', state)).toBe('/c/jackets?brand=Highfell&brand=Summit+Supply&colour=Red');
    expect(categoryHref('/c/jackets', { ...state, brand: ['Highfell', 'Summit Supply', 'Highfell'] })).toBe(categoryHref('/c/jackets', state));
    expect(categoryHref('/c/jackets', state, { brand: ['Highfell'], colour: undefined })).toBe('/c/jackets?brand=Highfell');
  });
});

describe('page numbers', () => {
  it('offers the first, the last and the neighbours of the current page, with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 7)).toEqual([1, 2, null, 7]);
    expect(pageWindow(4, 7)).toEqual([1, null, 3, 4, 5, null, 7]);
    expect(pageWindow(7, 7)).toEqual([1, null, 6, 7]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
  });
});
