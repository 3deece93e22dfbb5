import { describe, expect, it } from 'vitest';
import { readCatalogFile, writeCatalogCsv } from '../../server/catalog/import';
import { DEFAULT_DEMO_AS_OF, demoCatalogJson, generateDemoCatalog } from './demo-catalog';

describe('demo catalog generator', () => {
  const rows = generateDemoCatalog();

  it('gives byte-identical output for the same seed, and a different catalog for another seed', () => {
    expect(demoCatalogJson(generateDemoCatalog())).toBe(demoCatalogJson(rows));
    expect(writeCatalogCsv(generateDemoCatalog({ count: 50 }))).toBe(writeCatalogCsv(generateDemoCatalog({ count: 50 })));
    expect(demoCatalogJson(generateDemoCatalog({ seed: 'another' }))).not.toBe(demoCatalogJson(rows));
  });

  it('has over a thousand products across at least ten categories, all valid import rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(rows.map((r) => r.category)).size).toBeGreaterThanOrEqual(10);
    const validation = readCatalogFile(demoCatalogJson(rows), 'json');
    expect(validation.ok ? [] : validation.issues.slice(0, 5)).toEqual([]);
    expect(new Set(rows.map((r) => r.slug)).size).toBe(rows.length);
  });

  it('prices every variant in whole cents and stocks it with a whole number of units', () => {
    const variants = rows.flatMap((r) => r.variants);
    for (const v of variants) {
      expect(Number.isInteger(v.price) && v.price > 0).toBe(true);
      expect(Number.isInteger(v.stock) && v.stock >= 0).toBe(true);
    }
    const soldOut = variants.filter((v) => v.stock === 0).length;
    expect(soldOut).toBeGreaterThan(0);
    expect(soldOut / variants.length).toBeLessThan(0.25);
    expect(variants.filter((v) => v.stock <= 60).length / variants.length).toBeGreaterThan(0.95);
    // Variants of one product may differ in price (sizes, formats, bag weights).
    expect(rows.some((r) => new Set(r.variants.map((v) => v.price)).size > 1)).toBe(true);
  });

  it('gives each category its own kind of options', () => {
    const optionNames = (category: string) =>
      new Set(rows.filter((r) => r.category === category).flatMap((r) => r.variants.flatMap((v) => Object.keys(v.options))));
    expect(optionNames('running-shoes')).toEqual(new Set(['size', 'colour']));
    expect(optionNames('t-shirts')).toEqual(new Set(['size', 'colour']));
    expect(optionNames('books')).toEqual(new Set(['format']));
    expect(optionNames('coffee')).toEqual(new Set(['weight', 'grind']));
    expect(optionNames('headphones')).toEqual(new Set(['colour']));
  });

  it('has ratings with one decimal, three views per colourway, and creation dates within two years of the as-of date', () => {
    const asOf = Date.parse(DEFAULT_DEMO_AS_OF);
    for (const r of rows) {
      expect(r.rating).toBeGreaterThanOrEqual(0);
      expect(r.rating).toBeLessThanOrEqual(5);
      expect(Math.round(r.rating * 10) / 10).toBe(r.rating);
      expect(r.images).toHaveLength(3);
      const created = Date.parse(r.createdAt);
      expect(created).toBeLessThanOrEqual(asOf);
      expect(created).toBeGreaterThanOrEqual(asOf - 731 * 24 * 3600 * 1000);
    }
    expect(new Set(rows.map((r) => r.featuredRank)).size).toBe(rows.length);
  });

  it("gives each colour of a product its own pictures, the first colour's being the product's own", () => {
    const coloured = rows.filter((r) => r.variants.some((v) => v.options.colour));
    expect(coloured.length).toBeGreaterThan(500);
    for (const r of coloured) {
      const colours = [...new Set(r.variants.map((v) => v.options.colour as string))];
      expect(Object.keys(r.imagesByColour ?? {})).toEqual(colours);
      expect(r.images).toEqual(r.imagesByColour?.[colours[0] as string]);
      const all = Object.values(r.imagesByColour ?? {}).flat();
      expect(new Set(all).size).toBe(colours.length * 3);
    }
    expect(rows.filter((r) => r.category === 'books').every((r) => r.imagesByColour === undefined)).toBe(true);
  });

  it('can answer "red running shoes under $80"', () => {
    const matches = rows.filter((r) => r.category === 'running-shoes' && r.variants.some((v) => v.options.colour === 'Red' && v.price < 8000));
    expect(matches.length).toBeGreaterThanOrEqual(3);
  });
});
