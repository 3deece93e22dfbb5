import { describe, expect, it } from 'vitest';
import type { CatalogRow } from './catalog-row-schema';
import { readCatalogCsv } from './read-catalog-csv';
import { readCatalogFile } from './read-catalog-file';
import { jsonSourceRows } from './read-catalog-json';
import { formatIssue, type ImportIssue, validateCatalogRows } from './validate-catalog-rows';
import { writeCatalogCsv } from './write-catalog-csv';

function goodRow(n: number, overrides: Partial<CatalogRow> = {}): CatalogRow {
  return {
    slug: `trail-runner-${n}`,
    name: `Trail Runner ${n}`,
    category: 'running-shoes',
    categoryName: 'Running Shoes',
    brand: 'Stridewell',
    description: 'A light shoe. It grips well.',
    images: [`/images/products/running-shoes.p-${n}.1.png`],
    tags: ['running'],
    rating: 4.5,
    reviewCount: 12,
    createdAt: '2026-01-02T03:04:05.000Z',
    featuredRank: n,
    variants: [
      { id: `v-${n}-1`, options: { size: '9', colour: 'Red' }, price: 7999, stock: 5 },
      { id: `v-${n}-2`, options: { size: '10', colour: 'Red' }, price: 8499, stock: 0 },
    ],
    ...overrides,
  };
}

function issuesFor(values: unknown[]): ImportIssue[] {
  const result = validateCatalogRows(jsonSourceRows(values));
  return result.ok ? [] : result.issues;
}

describe('catalog row validation (JSON rows)', () => {
  it('accepts good rows and derives a stable id from the slug', () => {
    const result = validateCatalogRows(jsonSourceRows([goodRow(1), goodRow(2)]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows[0]?.id).toMatch(/^p-[0-9a-f]{16}$/);
    expect(validateCatalogRows(jsonSourceRows([goodRow(1)]))).toMatchObject({ ok: true, rows: [{ id: result.rows[0]?.id }] });
  });

  const row2 = (o: Record<string, unknown>) => ({ ...goodRow(2), ...o });
  const withVariant = (o: Record<string, unknown>) => ({
    ...goodRow(2),
    variants: [{ id: 'v-x', options: { size: '9', colour: 'Red' }, price: 100, stock: 1, ...o }],
  });
  const cases: { name: string; row: unknown; field: string; message: RegExp }[] = [
    { name: 'a price written as text', row: withVariant({ price: '79.99' }), field: 'variants[0].price', message: /expected number/ },
    { name: 'a negative price', row: withVariant({ price: -100 }), field: 'variants[0].price', message: /more than 0/ },
    { name: 'a price in dollars', row: withVariant({ price: 79.99 }), field: 'variants[0].price', message: /whole cents/ },
    { name: 'negative stock', row: withVariant({ stock: -1 }), field: 'variants[0].stock', message: /negative/ },
    { name: 'fractional stock', row: withVariant({ stock: 1.5 }), field: 'variants[0].stock', message: /whole number/ },
    { name: 'a missing name', row: row2({ name: undefined }), field: 'name', message: /is required/ },
    { name: 'a missing category name', row: row2({ categoryName: undefined }), field: 'categoryName', message: /is required/ },
    { name: 'no variants', row: row2({ variants: [] }), field: 'variants', message: /at least one variant/ },
    { name: 'a slug with capitals', row: row2({ slug: 'Trail Runner' }), field: 'slug', message: /lower-case/ },
    { name: 'a rating above 5', row: row2({ rating: 5.5 }), field: 'rating', message: /<=5/ },
    { name: 'a rating with two decimals', row: row2({ rating: 4.25 }), field: 'rating', message: /one decimal/ },
    { name: 'more reviews than the rating sort key can hold', row: row2({ reviewCount: 100_000 }), field: 'reviewCount', message: /<=99999/ },
    { name: 'a date that is not ISO', row: row2({ createdAt: '02/01/2026' }), field: 'createdAt', message: /datetime/ },
    {
      name: 'an image that is no path, URL or picture file',
      row: row2({ images: ['ftp://cdn.example.com/x.png'] }),
      field: 'images[0]',
      message: /site-relative/,
    },
    { name: 'an image file outside the catalogue folder', row: row2({ images: ['../photos/x.jpg'] }), field: 'images[0]', message: /next to the catalogue/ },
    {
      name: 'pictures of a colour no variant has',
      row: row2({ imagesByColour: { Teal: ['/images/t.png'] } }),
      field: 'imagesByColour.Teal',
      message: /not a colour of any variant/,
    },
    { name: 'a misspelt field', row: row2({ prcie: 10 }), field: 'prcie', message: /not a known field/ },
    { name: 'an upper-case option name', row: withVariant({ options: { Size: '9' } }), field: 'variants[0].options.Size', message: /lower-case/ },
    {
      name: 'variants with different option names',
      row: row2({ variants: [goodRow(2).variants[0], { id: 'v-y', options: { size: '10' }, price: 100, stock: 1 }] }),
      field: 'variants[1].options',
      message: /first variant has \{colour,size\}/,
    },
    {
      name: 'two variants with the same options',
      row: row2({ variants: [goodRow(2).variants[0], { ...goodRow(2).variants[0], id: 'v-y' }] }),
      field: 'variants[1].options',
      message: /repeats the options of variant 1/,
    },
  ];

  it.each(cases)('reports $name at row 2, field $field', ({ row, field, message }) => {
    const issues = issuesFor([goodRow(1), row, goodRow(3)]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, field });
    expect(issues[0]?.message).toMatch(message);
  });

  it('reports a row that is not an object', () => {
    expect(issuesFor([goodRow(1), 'oops'])).toEqual([{ row: 2, field: '', message: expect.stringMatching(/expected object/) }]);
  });

  it('reports a duplicate slug, a duplicate id and a duplicate variant id against the row that had it first', () => {
    const issues = issuesFor([
      goodRow(1),
      goodRow(2, { slug: 'trail-runner-1', variants: [{ id: 'v-2-1', options: {}, price: 1, stock: 1 }] }),
      goodRow(3, { id: 'p-same' }),
      goodRow(4, { id: 'p-same' }),
      goodRow(5, { variants: [{ id: 'v-1-2', options: {}, price: 1, stock: 1 }] }),
    ]);
    expect(issues.map(formatIssue)).toEqual([
      'row 2, slug: "trail-runner-1" is already used by row 1',
      'row 4, id: "p-same" is already used by row 3',
      'row 5, variants[0].id: "v-1-2" is already used by row 1',
    ]);
  });

  it('reports one category given two names', () => {
    const issues = issuesFor([goodRow(1), goodRow(2, { categoryName: 'Runners' })]);
    expect(issues).toEqual([{ row: 2, field: 'categoryName', message: expect.stringMatching(/differs from "Running Shoes"/) }]);
  });

  it('collects every problem in every row instead of stopping at the first', () => {
    const issues = issuesFor([goodRow(1, { name: '', rating: 7 }), goodRow(2), goodRow(3, { variants: [] }), 42]);
    expect(issues.map((i) => `${i.row}:${i.field}`)).toEqual(['1:name', '1:rating', '3:variants', '4:']);
  });

  it('refuses an empty catalog, malformed JSON and a JSON object', () => {
    expect(readCatalogFile('[]', 'json')).toMatchObject({ ok: false, issues: [{ row: 0, message: 'contains no products' }] });
    expect(readCatalogFile('[{', 'json')).toMatchObject({ ok: false, issues: [{ row: 0, message: expect.stringMatching(/not valid JSON/) }] });
    expect(readCatalogFile('{"products":[]}', 'json')).toMatchObject({ ok: false, issues: [{ row: 0, message: expect.stringMatching(/array/) }] });
  });
});

describe('catalog row validation (CSV lines)', () => {
  const csv = writeCatalogCsv([goodRow(1), goodRow(2)]);
  const [header = '', ...lines] = csv.trimEnd().split('\n');
  const withLine = (index: number, edit: (line: string) => string) => [header, ...lines.map((l, i) => (i === index ? edit(l) : l))].join('\n');

  it('reads good CSV', () => {
    expect(readCatalogFile(csv, 'csv').ok).toBe(true);
  });

  it("carries colour pictures on each variant line and reads them back as the product's imagesByColour", () => {
    const row = goodRow(1, {
      variants: [
        { id: 'v-1-1', options: { size: '9', colour: 'Red' }, price: 7999, stock: 5 },
        { id: 'v-1-2', options: { size: '9', colour: 'Teal' }, price: 7999, stock: 5 },
        { id: 'v-1-3', options: { size: '10', colour: 'Teal' }, price: 7999, stock: 5 },
      ],
      imagesByColour: { Red: ['/images/r1.png', '/images/r2.png'], Teal: ['photos/teal.jpg', 'https://cdn.example.com/t.webp'] },
    });
    const written = writeCatalogCsv([row]);
    expect(written.split('\n')[0]).toMatch(/,colourImages$/);
    const read = readCatalogFile(written, 'csv');
    expect(read.ok ? read.rows[0]?.imagesByColour : read.issues).toEqual(row.imagesByColour);

    const [head = '', ...rest] = written.trimEnd().split('\n');
    const clash = [head, ...rest.map((l, i) => (i === 2 ? l.replace('https://cdn.example.com/t.webp', '/images/other.png') : l))].join('\n');
    const refused = readCatalogFile(clash, 'csv');
    expect(refused.ok ? [] : refused.issues).toEqual([{ row: 4, field: 'colourImages', message: 'differs from row 3, an earlier row of colour Teal' }]);
  });

  it.each([
    { name: 'options without "="', edit: (l: string) => l.replace('size=10;colour=Red', 'size10;colour=Red'), field: 'options', message: /not name=value/ },
    { name: 'an option given twice', edit: (l: string) => l.replace('size=10;colour=Red', 'size=10;size=11'), field: 'options', message: /given twice/ },
    {
      name: 'an option without a value',
      edit: (l: string) => l.replace('size=10;colour=Red', 'size=;colour=Red'),
      field: 'options',
      message: /name and a value/,
    },
    { name: 'a negative price', edit: (l: string) => l.replace(',8499,', ',-8499,'), field: 'price', message: /more than 0/ },
    { name: 'a price with a currency sign', edit: (l: string) => l.replace(',8499,', ',$84.99,'), field: 'price', message: /expected number/ },
    {
      name: 'a name that differs from the first line of the product',
      edit: (l: string) => l.replace('Trail Runner 1', 'Trail Runner One'),
      field: 'name',
      message: /differs from row 2/,
    },
    { name: 'a missing cell', edit: (l: string) => l.replace(/,0$/, ''), field: '', message: /has 17 cells/ },
  ])('reports $name on the row that has it (row 3)', ({ edit, field, message }) => {
    const result = readCatalogFile(withLine(1, edit), 'csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ row: 3, field });
    expect(result.issues[0]?.message).toMatch(message);
  });

  it('reports a missing required column once, on the header', () => {
    const noPrice = csv.replace('variantId,options,price,stock', 'variantId,options,cost,stock');
    expect(readCatalogFile(noPrice, 'csv')).toMatchObject({
      ok: false,
      issues: [
        { row: 1, field: 'cost', message: 'is not a known column' },
        { row: 1, field: 'price', message: 'column is missing' },
      ],
    });
  });

  it('points at the starting line of a record whose description spans lines', () => {
    const description = 'A light shoe.\nIt grips well.';
    const second = goodRow(2, { description });
    const rows = [goodRow(1, { description }), { ...second, variants: [second.variants[0]!, { ...second.variants[1]!, stock: -3 }] }];
    const result = readCatalogFile(writeCatalogCsv(rows), 'csv');
    // Header on line 1, then four records of two lines each: the fourth starts on line 8.
    expect(result).toMatchObject({ ok: false, issues: [{ row: 8, field: 'stock', message: 'may not be negative' }] });
  });

  it('groups the lines of one product and keeps variant order', () => {
    const { sources, issues } = readCatalogCsv(csv);
    expect(issues).toEqual([]);
    expect(sources).toHaveLength(2);
    expect(sources[1]?.locate(['variants', 1, 'price'])).toEqual({ row: 5, field: 'price' });
    expect(sources[1]?.locate(['name'])).toEqual({ row: 4, field: 'name' });
  });
});
