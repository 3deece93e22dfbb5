import { describe, expect, it } from 'vitest';
import { ProductSearchIndex } from './product-search-index';
import { runSearch } from './run-search';
import { FIXTURE_CATEGORIES, fixtureProducts, productRecord } from './testing/product-fixtures';

function fixtureIndex(): ProductSearchIndex {
  const index = new ProductSearchIndex(FIXTURE_CATEGORIES);
  for (const record of fixtureProducts()) index.upsert(record);
  return index;
}

const ids = (index: ProductSearchIndex, q: string) => runSearch(index, { q, limit: 100 }).items.map((p) => p.id);

describe('text matching', () => {
  const index = fixtureIndex();

  it('forgives a typo: "hedphones" finds the headphones', () => {
    expect(ids(index, 'hedphones').slice(0, 2).sort()).toEqual(['studio-headphones', 'wireless-headphones']);
  });

  it('forgives a typo in a multi-word query: "runing shoes" ranks both running shoes first', () => {
    expect(ids(index, 'runing shoes').slice(0, 2).sort()).toEqual(['road-running-shoes', 'trail-running-shoes']);
  });

  it('counts swapped neighbouring letters as one typo: "Rnuning Sohes" finds the running shoes', () => {
    expect(ids(index, 'Rnuning Sohes').slice(0, 2).sort()).toEqual(['road-running-shoes', 'trail-running-shoes']);
    expect(ids(index, 'Laether Walking Boots')[0]).toBe('leather-walking-boots');
  });

  it('matches the word being typed by prefix: "head" finds headphones', () => {
    expect(ids(index, 'head')).toEqual(expect.arrayContaining(['studio-headphones', 'wireless-headphones']));
  });

  it('does not prefix-match finished words: "blue" in "blue headphones" does not match "bluetooth"', () => {
    // The wireless headphones are tagged "bluetooth"; no headphones are blue, so none match both words.
    const matches = index.matchText('blue headphones');
    expect(matches.find((m) => m.entry.id === 'wireless-headphones')?.termsMatched).toBe(1);
    expect(matches.every((m) => m.termsMatched === 1)).toBe(true);
    // The word still being typed does complete by prefix.
    expect(ids(index, 'bluet')).toEqual(expect.arrayContaining(['wireless-headphones', 'bluetooth-speaker']));
  });

  it('needs every word of a two-word query when some product has them all', () => {
    // "Merino Running Socks" and the tent's description mention running but are not shoes.
    expect(ids(index, 'running shoes').sort()).toEqual(['road-running-shoes', 'trail-running-shoes']);
  });

  it('ignores stop words: "shoes for running" equals "running shoes"', () => {
    expect(ids(index, 'shoes for running').sort()).toEqual(ids(index, 'running shoes').sort());
  });

  it('ranks products matching all words of a longer query first and keeps those missing one', () => {
    const hits = ids(index, 'trail running shoes');
    expect(hits[0]).toBe('trail-running-shoes');
    expect(hits).toEqual(expect.arrayContaining(['road-running-shoes', 'camping-tent']));
    // Matching one word of three is too far from the best match.
    expect(hits).not.toContain('merino-running-socks');
  });

  it('falls back to the products matching most words when none matches them all', () => {
    // Nothing is both blue and headphones: show headphones and blue things rather than an empty page.
    expect(ids(index, 'blue headphones')).toEqual(expect.arrayContaining(['wireless-headphones', 'bluetooth-speaker']));
  });

  it('finds products by brand, category name, tag and variant option', () => {
    expect(ids(index, 'sonora').sort()).toEqual(['studio-headphones', 'wireless-headphones']);
    expect(ids(index, 'kitchen').sort()).toEqual(['cast-iron-skillet', 'chefs-knife']);
    expect(ids(index, 'travel')).toEqual(['wireless-headphones']);
    expect(ids(index, 'brown')).toEqual(['leather-walking-boots']);
  });

  it('ranks a name match above a description mention', () => {
    expect(ids(index, 'trail')[0]).toBe('trail-running-shoes');
  });

  it('applies an update and a removal (stream changes are idempotent)', () => {
    const local = fixtureIndex();
    const renamed = productRecord({ id: 'chefs-knife', name: 'Santoku Blade', category: 'home-kitchen' });
    local.upsert(renamed);
    local.upsert(renamed);
    expect(ids(local, 'santoku')).toEqual(['chefs-knife']);
    expect(ids(local, 'chef')).toEqual([]);
    local.remove('chefs-knife');
    local.remove('chefs-knife');
    expect(ids(local, 'santoku')).toEqual([]);
    expect(local.size).toBe(fixtureProducts().length - 1);
  });
});
