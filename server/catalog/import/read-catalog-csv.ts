import { parse } from 'csv-parse/sync';
import { colourOptionName } from './catalog-row-schema';
import type { ReadResult } from './read-catalog-json';
import { FILE_ROW, formatPath, type ImportIssue, type IssuePath, type SourceRow } from './validate-catalog-rows';

// The CSV import format: one line per variant, product columns repeated on each of its lines, grouped by slug.
// Row numbers are the file's line numbers (the header is row 1, as in a spreadsheet), so an error points at the
// line to fix.

/** Product columns, in the order the generator writes them. `id` and `categoryDescription` may be left out. */
export const CSV_PRODUCT_COLUMNS = [
  'id',
  'slug',
  'name',
  'category',
  'categoryName',
  'categoryDescription',
  'brand',
  'description',
  'images',
  'tags',
  'rating',
  'reviewCount',
  'createdAt',
  'featuredRank',
] as const;
/** `colourImages`: the pictures of this line's colour (`|`-separated), the same on every line of that colour. */
export const CSV_VARIANT_COLUMNS = ['variantId', 'options', 'price', 'stock', 'colourImages'] as const;
export const CSV_COLUMNS = [...CSV_PRODUCT_COLUMNS, ...CSV_VARIANT_COLUMNS] as const;
const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(['id', 'categoryDescription', 'colourImages']);
const NUMBER_COLUMNS: ReadonlySet<string> = new Set(['rating', 'reviewCount', 'featuredRank', 'price', 'stock']);
const LIST_COLUMNS: ReadonlySet<string> = new Set(['images', 'tags']);

type CsvColumn = (typeof CSV_COLUMNS)[number];
type ProductColumn = (typeof CSV_PRODUCT_COLUMNS)[number];
type Line = { line: number; cells: Partial<Record<CsvColumn, string>> };

/** `size=M;colour=Red` → { size: 'M', colour: 'Red' }; an empty cell is a variant with no options. */
export function parseOptionsCell(cell: string): { options: Record<string, string> } | { error: string } {
  const options: Record<string, string> = {};
  if (cell.trim() === '') return { options };
  for (const part of cell.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) return { error: `"${part.trim()}" is not name=value (write options as size=M;colour=Red)` };
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === '' || value === '') return { error: `"${part.trim()}" needs both a name and a value` };
    if (value.includes('=')) return { error: `"${part.trim()}" has more than one "="` };
    if (Object.hasOwn(options, name)) return { error: `option "${name}" is given twice` };
    options[name] = value;
  }
  return { options };
}

export function formatOptionsCell(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([name, value]) => `${name}=${value}`)
    .join(';');
}

/** Numbers stay strings unless they look like one, so the schema reports "expected number" at the right line. */
function numberCell(cell: string): number | string {
  const t = cell.trim();
  return /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : cell;
}

function listCell(cell: string): string[] {
  return cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** An empty cell means "not given", so the schema says "is required" rather than "too short". */
function productValue(column: ProductColumn, cell: string | undefined): unknown {
  if (cell === undefined || cell.trim() === '') return LIST_COLUMNS.has(column) ? (cell === undefined ? undefined : []) : undefined;
  if (NUMBER_COLUMNS.has(column)) return numberCell(cell);
  if (LIST_COLUMNS.has(column)) return listCell(cell);
  return cell;
}

/** csv-parse reports where a record ends; a quoted multi-line description would otherwise shift the line we blame. */
function startLine(endLine: number, raw: string | undefined): number {
  if (!raw) return endLine;
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

function csvField(path: IssuePath): string {
  const [head, index, inner] = path;
  if (head === 'variants' && typeof index === 'number') {
    if (inner === 'id') return 'variantId';
    return typeof inner === 'string' ? inner : 'variantId';
  }
  if (head === 'imagesByColour') return `colourImages (${String(index ?? '')})`;
  // images[1] and tags[0] are cells of their column; the position inside says which item.
  return formatPath(path);
}

export function readCatalogCsv(text: string): ReadResult {
  let records: { record: string[]; raw?: string; info: { lines: number } }[];
  try {
    // With info and raw set, csv-parse returns { record, raw, info } objects, which its typings do not express.
    records = parse(text, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { sources: [], issues: [{ row: line ?? FILE_ROW, field: '', message: `cannot be read as CSV: ${(err as Error).message}` }] };
  }
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) return { sources: [], issues: [{ row: FILE_ROW, field: '', message: 'is empty' }] };

  const issues: ImportIssue[] = [];
  const header = headerRecord.record.map((h) => h.trim());
  const known: ReadonlySet<string> = new Set(CSV_COLUMNS);
  header.forEach((name, i) => {
    if (!known.has(name)) issues.push({ row: 1, field: name || `column ${i + 1}`, message: 'is not a known column' });
    else if (header.indexOf(name) !== i) issues.push({ row: 1, field: name, message: 'appears twice in the header' });
  });
  for (const column of CSV_COLUMNS) {
    if (!OPTIONAL_COLUMNS.has(column) && !header.includes(column)) issues.push({ row: 1, field: column, message: 'column is missing' });
  }
  // Without a usable header every line would report the same mistake; stop at the header.
  if (issues.length > 0) return { sources: [], issues };

  const groups = new Map<string, Line[]>();
  for (const { record, raw, info } of dataRecords) {
    const line = startLine(info.lines, raw);
    if (record.length !== header.length) {
      issues.push({ row: line, field: '', message: `has ${record.length} cells but the header has ${header.length}` });
      continue;
    }
    const cells: Partial<Record<CsvColumn, string>> = {};
    header.forEach((name, i) => {
      cells[name as CsvColumn] = record[i];
    });
    // Lines without a slug cannot be grouped; each stands alone so the schema reports the missing slug on it.
    const key = cells.slug?.trim() ? `slug:${cells.slug.trim()}` : `line:${line}`;
    const group = groups.get(key);
    if (group) group.push({ line, cells });
    else groups.set(key, [{ line, cells }]);
  }

  const sources: SourceRow[] = [];
  for (const lines of groups.values()) {
    const first = lines[0] as Line;
    const product: Record<string, unknown> = {};
    for (const column of CSV_PRODUCT_COLUMNS) {
      const value = productValue(column, first.cells[column]);
      if (value !== undefined) product[column] = value;
    }
    // Product columns repeat on every variant line; a line that disagrees would be silently lost otherwise.
    for (const other of lines.slice(1)) {
      for (const column of CSV_PRODUCT_COLUMNS) {
        if ((other.cells[column] ?? '').trim() !== (first.cells[column] ?? '').trim()) {
          issues.push({ row: other.line, field: column, message: `differs from row ${first.line}, the first row of this product` });
        }
      }
    }
    product.variants = lines.map(({ line, cells }) => {
      const variant: Record<string, unknown> = {};
      if (cells.variantId?.trim()) variant.id = cells.variantId.trim();
      const options = parseOptionsCell(cells.options ?? '');
      if ('error' in options) issues.push({ row: line, field: 'options', message: options.error });
      else variant.options = options.options;
      for (const column of ['price', 'stock'] as const) {
        const cell = cells[column];
        if (cell !== undefined && cell.trim() !== '') variant[column] = numberCell(cell);
      }
      return variant;
    });
    // Colour pictures are written per line (one line per variant); they become the product's imagesByColour.
    const byColour: Record<string, string[]> = {};
    const firstLineOf: Record<string, number> = {};
    const option = colourOptionName(product.variants as { options: Record<string, string> }[]);
    lines.forEach(({ line, cells }, i) => {
      const cell = cells.colourImages?.trim() ?? '';
      if (cell === '') return;
      const colour = option ? (product.variants as { options?: Record<string, string> }[])[i]?.options?.[option] : undefined;
      if (!colour) {
        issues.push({ row: line, field: 'colourImages', message: 'needs a colour option on this line (options such as size=M;colour=Red)' });
        return;
      }
      const list = listCell(cell);
      const seen = byColour[colour];
      if (!seen) {
        byColour[colour] = list;
        firstLineOf[colour] = line;
      } else if (seen.join('|') !== list.join('|')) {
        issues.push({ row: line, field: 'colourImages', message: `differs from row ${firstLineOf[colour]}, an earlier row of colour ${colour}` });
      }
    });
    if (Object.keys(byColour).length > 0) product.imagesByColour = byColour;
    const variantLines = lines.map((l) => l.line);
    sources.push({
      value: product,
      locate: (path) => {
        const index = path[0] === 'variants' && typeof path[1] === 'number' ? path[1] : undefined;
        return { row: index === undefined ? first.line : (variantLines[index] ?? first.line), field: csvField(path) };
      },
    });
  }
  return { sources, issues };
}
