import { describe, expect, it } from 'vitest';
import { demoCatalogJson, generateDemoCatalog } from '../../../local/catalog/demo-catalog';
import { parseOptionsCell } from './read-catalog-csv';
import { readCatalogFile } from './read-catalog-file';
import { toProductRecord } from './to-product-record';
import { writeCatalogCsv } from './write-catalog-csv';

describe('CSV and JSON import files', () => {
  it('parse to the same product records', () => {
    const rows = generateDemoCatalog({ count: 120 });
    const fromJson = readCatalogFile(demoCatalogJson(rows), 'json');
    const fromCsv = readCatalogFile(writeCatalogCsv(rows), 'csv');
    expect(fromJson.ok && fromCsv.ok).toBe(true);
    if (!fromJson.ok || !fromCsv.ok) return;
    expect(fromCsv.rows.map(toProductRecord)).toEqual(fromJson.rows.map(toProductRecord));
    expect(fromCsv.rows).toHaveLength(120);
  });

  it('read a CSV options cell into named options, and an empty cell as no options', () => {
    expect(parseOptionsCell('size=M; colour=Sky Blue')).toEqual({ options: { size: 'M', colour: 'Sky Blue' } });
    expect(parseOptionsCell('')).toEqual({ options: {} });
    expect(parseOptionsCell('size=M;')).toEqual({ error: expect.stringMatching(/name=value/) });
    expect(parseOptionsCell('a=b=c')).toEqual({ error: expect.stringMatching(/more than one/) });
  });

  it('accept a byte-order mark and Windows line endings, as spreadsheets save them', () => {
    const csv = writeCatalogCsv(generateDemoCatalog({ count: 3 }));
    const windows = `\uFEFF${csv.replaceAll('\n', '\r\n')}`;
    expect(readCatalogFile(windows, 'csv')).toEqual(readCatalogFile(csv, 'csv'));
  });
});
