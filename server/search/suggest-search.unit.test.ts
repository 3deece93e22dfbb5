import { describe, expect, it } from 'vitest';
import { ProductSearchIndex } from './product-search-index';
import { runSearch } from './run-search';
import { completeWord, SUGGEST_LIMIT, spellingCorrection, suggestSearch } from './suggest-search';
import { FIXTURE_CATEGORIES, fixtureProducts } from './testing/product-fixtures';

const index = new ProductSearchIndex(FIXTURE_CATEGORIES);
for (const r of fixtureProducts()) index.upsert(r);

describe('completeWord: the word a misspelt beginning is heading for', () => {
  const vocabulary = new Map([
    ['headphones', 2],
    ['heater', 1],
    ['running', 3],
    ['runner', 1],
  ]);

  it('finds a word whose beginning is one letter away from what was typed', () => {
    expect(completeWord('hedph', vocabulary)).toBe('headphones');
    expect(completeWord('runnin', vocabulary)).toBe('running');
  });

  it('prefers the closer word, then the word more products use', () => {
    expect(completeWord('runn', vocabulary)).toBe('running');
  });

  it('guesses nothing from three letters or from letters that match no word', () => {
    expect(completeWord('hed', vocabulary)).toBeNull();
    expect(completeWord('xylop', vocabulary)).toBeNull();
  });
});

describe('suggestSearch: the header type-ahead in the search result shape', () => {
  it('answers a correct beginning with the products it starts, at most the limit, and their categories', () => {
    const result = suggestSearch(index, 'headph');
    expect(result.items.map((i) => i.id).sort()).toEqual(['studio-headphones', 'wireless-headphones']);
    expect(result.items.length).toBeLessThanOrEqual(SUGGEST_LIMIT);
    expect(result.facets.category.find((c) => c.slug === 'audio')?.count).toBe(2);
    expect(result.suggestions).toBeUndefined();
  });

  it('corrects a misspelt beginning and says what the products are for', () => {
    expect(runSearch(index, { q: 'hedph' }).total).toBe(0);
    const result = suggestSearch(index, 'hedph');
    expect(result.suggestions?.didYouMean[0]).toBe('headphones');
    expect(result.items.map((i) => i.id)).toContain('wireless-headphones');
  });

  it('keeps the finished words of a longer query and completes the last', () => {
    const result = suggestSearch(index, 'studio hedph');
    expect(result.suggestions?.didYouMean[0]).toBe('studio headphones');
    expect(result.items[0]?.id).toBe('studio-headphones');
  });

  it('answers nothing it cannot place, without inventing a correction', () => {
    const result = suggestSearch(index, 'qqzzxx');
    expect(result.total).toBe(0);
    expect(result.suggestions?.didYouMean ?? []).toEqual([]);
  });

  it('respects a smaller limit', () => {
    expect(suggestSearch(index, 'shoes', 1).items).toHaveLength(1);
  });
});

describe('spellingCorrection: what the results page says it searched for', () => {
  it('names the corrected spelling when only the typo tolerance found the products', () => {
    expect(runSearch(index, { q: 'hedphones' }).total).toBeGreaterThan(0);
    expect(spellingCorrection(index, 'hedphones')).toBe('headphones');
  });

  it('says nothing when the words match as typed, a prefix included', () => {
    expect(spellingCorrection(index, 'headphones')).toBeNull();
    expect(spellingCorrection(index, 'running sho')).toBeNull();
    expect(spellingCorrection(index, '')).toBeNull();
  });
});

describe('suggestSearch: a finished but misspelt word', () => {
  it('is corrected too, so the suggestions say what they are for', () => {
    const result = suggestSearch(index, 'hedphones');
    expect(result.suggestions?.didYouMean[0]).toBe('headphones');
    expect(result.items.length).toBeGreaterThan(0);
  });
});
