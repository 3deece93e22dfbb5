import { describe, expect, it } from 'vitest';
import { compareSizes } from './facet-counts';
import { ProductSearchIndex } from './product-search-index';
import { runSearch } from './run-search';
import { categoryPageQuerySchema, categoryPageSearch } from './search-query';
import { productRecord } from './testing/product-fixtures';

// Brand, size and colour facets on a category page (issue 27): each counted over the category with every other
// filter applied (disjunctive, like price and rating), a ticked value narrowing the list to its count, values of one
// list ORed and lists ANDed, and categories without sizes or colours offering none.

const index = new ProductSearchIndex([
  { slug: 'jackets', name: 'Jackets' },
  { slug: 'books', name: 'Books' },
]);
const jacket = (id: string, brand: string, sizes: string[], colours: string[], stock = 3) =>
  productRecord({
    id,
    name: `${brand} jacket ${id}`,
    category: 'jackets',
    brand,
    variants: colours.flatMap((colour) => sizes.map((size) => ({ options: { size, colour }, price: 9_900, stock }))),
  });
for (const r of [
  jacket('j1', 'Highfell', ['S', 'M', 'L'], ['Red', 'Navy']),
  jacket('j2', 'Highfell', ['M', 'XL'], ['Black']),
  jacket('j3', 'Northlane', ['XS', 'S'], ['Red']),
  jacket('j4', 'Northlane', ['L'], ['Olive'], 0),
  jacket('j5', 'Summit Supply', ['M'], ['Navy', 'Olive']),
  productRecord({ id: 'b1', name: 'A book', category: 'books', brand: 'Penhallow', variants: [{ options: { format: 'Paperback' }, price: 1_500 }] }),
  productRecord({ id: 'b2', name: 'Another book', category: 'books', brand: 'Inkwell', variants: [{ options: { format: 'Hardcover' }, price: 2_500 }] }),
]) {
  index.upsert(r);
}

const page = (category: string, query: Record<string, unknown>) => runSearch(index, categoryPageSearch(category, categoryPageQuerySchema.parse(query), 24));
const ids = (r: ReturnType<typeof page>) => r.items.map((i) => i.id).sort();

describe('brand, size and colour facets', () => {
  it('count each value over the category, sizes smallest first', () => {
    const { facets } = page('jackets', {});
    expect(facets.brand).toEqual([
      { value: 'Highfell', count: 2 },
      { value: 'Northlane', count: 2 },
      { value: 'Summit Supply', count: 1 },
    ]);
    expect(facets.size?.map((f) => f.value)).toEqual(['XS', 'S', 'M', 'L', 'XL']);
    expect(facets.size?.find((f) => f.value === 'M')?.count).toBe(3);
    expect(facets.colour).toEqual([
      { value: 'Black', count: 1 },
      { value: 'Navy', count: 2 },
      { value: 'Olive', count: 2 },
      { value: 'Red', count: 2 },
    ]);
  });

  it("narrow the list to the ticked value's count, and keep counting the other values of the same list", () => {
    const result = page('jackets', { brand: 'Northlane' });
    expect(ids(result)).toEqual(['j3', 'j4']);
    // Disjunctive: with Northlane ticked, Highfell still says what ticking it too would add.
    expect(result.facets.brand?.find((f) => f.value === 'Highfell')?.count).toBe(2);
    // The other lists count within the choice.
    expect(result.facets.colour).toEqual([
      { value: 'Olive', count: 1 },
      { value: 'Red', count: 1 },
    ]);
  });

  it('OR the values of one list and AND the lists, with stock and price filters too', () => {
    expect(ids(page('jackets', { colour: ['Red', 'Olive'] }))).toEqual(['j1', 'j3', 'j4', 'j5']);
    expect(ids(page('jackets', { colour: ['Red', 'Olive'], size: 'L' }))).toEqual(['j1', 'j4']);
    expect(ids(page('jackets', { colour: ['Red', 'Olive'], size: 'L', inStock: 'true' }))).toEqual(['j1']);
    expect(ids(page('jackets', { brand: ['Highfell', 'Summit Supply'], colour: 'Navy' }))).toEqual(['j1', 'j5']);
    expect(page('jackets', { brand: 'Nobody' }).total).toBe(0);
  });

  it('offer none where the category has none: books have brands but no sizes or colours', () => {
    const { facets } = page('books', {});
    expect(facets.brand?.map((f) => f.value)).toEqual(['Inkwell', 'Penhallow']);
    expect(facets.size).toEqual([]);
    expect(facets.colour).toEqual([]);
  });

  it('read lists from the URL forgivingly: one value or many, blanks and junk dropped', () => {
    expect(categoryPageQuerySchema.parse({ brand: 'Highfell', size: ['M', '', 'L'], colour: 42 })).toMatchObject({
      brand: ['Highfell'],
      size: ['M', 'L'],
      colour: [],
    });
    expect(categoryPageQuerySchema.parse({ brand: Array.from({ length: 40 }, (_, i) => `b${i}`) }).brand).toEqual([]);
  });

  it('treat the same choice in another order as the same question', () => {
    const a = runSearch(index, { ...categoryPageSearch('jackets', categoryPageQuerySchema.parse({ colour: ['Red', 'Navy'] }), 1) });
    const b = runSearch(index, { ...categoryPageSearch('jackets', categoryPageQuerySchema.parse({ colour: ['Navy', 'Red'] }), 1), cursor: a.nextCursor! });
    expect(b.items).toHaveLength(1);
  });

  it('show each card in the colour filtered by, when its colours have their own pictures', () => {
    const local = new ProductSearchIndex([{ slug: 'jackets', name: 'Jackets' }]);
    const record = {
      ...jacket('j9', 'Highfell', ['M'], ['Red', 'Navy', 'Olive']),
      images: ['/red-1', '/red-2'],
      imagesByColour: { Red: ['/red-1', '/red-2'], Navy: ['/navy-1'], Olive: ['/olive-1'] },
    };
    local.upsert(record);
    local.upsert(jacket('j8', 'Northlane', ['M'], ['Navy']));
    const shown = (query: Record<string, unknown>) =>
      runSearch(local, categoryPageSearch('jackets', categoryPageQuerySchema.parse(query), 24)).items.map((i) => [i.id, i.image]);
    expect(shown({})).toContainEqual(['j9', '/red-1']);
    expect(shown({ colour: 'Navy' })).toEqual(
      expect.arrayContaining([
        ['j9', '/navy-1'],
        ['j8', '/images/products/j8-1.webp'],
      ]),
    );
    // Two colours chosen: the first of the product's own colours among them.
    expect(shown({ colour: ['Olive', 'Navy'] })).toContainEqual(['j9', '/navy-1']);
  });

  it('order sizes as a shopper reads them', () => {
    expect(['XL', '10.5', 'M', 'One size', '9', 'XS', '13', 'S'].sort(compareSizes)).toEqual(['XS', 'S', 'M', 'XL', '9', '10.5', '13', 'One size']);
  });
});
