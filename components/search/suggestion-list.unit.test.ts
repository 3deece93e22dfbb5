import { describe, expect, it } from 'vitest';
import type { SearchResult } from '@/server/search/contract';
import { moveActive, suggestionOptions, suggestionsAnnouncement, wantsSuggestions } from './suggestion-list';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });
const product = (id: string, name: string, amount: number) => ({
  id,
  slug: id,
  name,
  category: 'audio',
  price: usd(amount),
  image: `/images/products/${id}.svg`,
  rating: 4,
  reviewCount: 3,
});
const facets = (category: SearchResult['facets']['category']): SearchResult['facets'] => ({ category, price: [], rating: [], inStock: { count: 0 } });

describe('wantsSuggestions', () => {
  it('asks from two letters, not counting spaces and punctuation', () => {
    expect(wantsSuggestions('h')).toBe(false);
    expect(wantsSuggestions(' h ')).toBe(false);
    expect(wantsSuggestions('h-')).toBe(false);
    expect(wantsSuggestions('he')).toBe(true);
  });
});

describe('suggestionOptions', () => {
  it('lists products with their price and link, the categories with matches, then the search as typed', () => {
    const options = suggestionOptions('head', {
      items: [product('studio', 'Studio Headphones', 12900)],
      facets: facets([
        { slug: 'shoes', name: 'Shoes', count: 0 },
        { slug: 'audio', name: 'Audio', count: 2 },
      ]),
    });
    expect(options.map((o) => o.kind)).toEqual(['product', 'category', 'search']);
    expect(options[0]).toMatchObject({ label: 'Studio Headphones', href: '/p/studio', price: usd(12900) });
    expect(options[1]).toMatchObject({ label: 'Audio', href: '/search?q=head&category=audio', count: 2 });
    expect(options[2]).toMatchObject({ label: 'head', href: '/search?q=head' });
  });

  it('puts the corrected spelling first and searches categories by it', () => {
    const options = suggestionOptions('hedph', {
      items: [product('studio', 'Studio Headphones', 12900)],
      facets: facets([{ slug: 'audio', name: 'Audio', count: 2 }]),
      suggestions: { didYouMean: ['headphones'], popularCategories: [] },
    });
    expect(options[0]).toMatchObject({ kind: 'correction', label: 'headphones', href: '/search?q=headphones' });
    expect(options.find((o) => o.kind === 'category')).toMatchObject({ href: '/search?q=headphones&category=audio', query: 'headphones' });
    expect(options.at(-1)).toMatchObject({ kind: 'search', label: 'hedph' });
    expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
  });
});

describe('moveActive: arrow keys through the list and back to the box', () => {
  it('goes down from the box to the first option and wraps past the last back to the box', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(1, 3, 'ArrowDown')).toBe(2);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(-1);
  });

  it('goes up from the box to the last option', () => {
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(-1);
  });

  it('stays in the box when there is nothing to move to', () => {
    expect(moveActive(-1, 0, 'ArrowDown')).toBe(-1);
    expect(moveActive(-1, 0, 'ArrowUp')).toBe(-1);
  });
});

describe('suggestionsAnnouncement', () => {
  it('counts the products and names a correction', () => {
    const options = suggestionOptions('hedph', {
      items: [product('a', 'A', 100), product('b', 'B', 200)],
      facets: facets([]),
      suggestions: { didYouMean: ['headphones'], popularCategories: [] },
    });
    expect(suggestionsAnnouncement(options)).toBe('Showing suggestions for headphones. 2 products suggested. Use the up and down arrow keys to choose.');
  });

  it('says when nothing was found', () => {
    expect(suggestionsAnnouncement(suggestionOptions('zz', { items: [], facets: facets([]) }))).toMatch(/^No products found/);
  });
});
