import type { z } from 'zod';
import { catalogRowSchema, type ValidCatalogRow } from './catalog-row-schema';
import { productIdFromSlug } from './product-id';

// Validates a whole catalog before anything is written: every row's problems and the problems between rows
// (a slug, product id or variant id used twice, one category named two ways), all collected, none thrown early.

/** One problem, located the way the file's author sees it: row (JSON element or CSV line) and field. */
export type ImportIssue = { row: number; field: string; message: string };

/** Row 0 marks a problem with the file as a whole (not JSON, a missing CSV column, no rows). */
export const FILE_ROW = 0;

export type IssuePath = readonly PropertyKey[];

/** A candidate row plus how to point at a place inside it (CSV rows map variant paths to their own lines). */
export type SourceRow = {
  value: unknown;
  locate(path: IssuePath): { row: number; field: string };
};

export type ValidationResult = { ok: true; rows: ValidCatalogRow[] } | { ok: false; issues: ImportIssue[] };

export class CatalogValidationError extends Error {
  readonly issues: ImportIssue[];
  constructor(issues: ImportIssue[]) {
    super(`The catalog has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was imported.`);
    this.name = 'CatalogValidationError';
    this.issues = issues;
  }
}

/** `variants[2].options.size`, the notation used for JSON rows. */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function formatIssue(issue: ImportIssue): string {
  const where = issue.row === FILE_ROW ? 'file' : `row ${issue.row}`;
  return issue.field ? `${where}, ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** Zod's wording, made readable for someone fixing a spreadsheet. */
function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return 'is required';
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  return issue.message;
}

function zodIssues(source: SourceRow, error: z.ZodError): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ ...source.locate([...issue.path, key]), message: 'is not a known field' });
    } else {
      out.push({ ...source.locate(issue.path), message: explain(issue) });
    }
  }
  return out;
}

/** Issues found while reading the file (CSV options, conflicting CSV lines) are passed in so one list reports all. */
export function validateCatalogRows(sources: readonly SourceRow[], readIssues: readonly ImportIssue[] = []): ValidationResult {
  const issues: ImportIssue[] = [...readIssues];
  if (sources.length === 0 && issues.length === 0) issues.push({ row: FILE_ROW, field: '', message: 'contains no products' });

  // A reader that already explained a cell (an options cell it could not split) left the value out; the schema's
  // "is required" for the same cell would only repeat it.
  const explained = new Set(readIssues.map((i) => `${i.row}|${i.field}`));
  const valid: { row: ValidCatalogRow; source: SourceRow }[] = [];
  for (const source of sources) {
    const parsed = catalogRowSchema.safeParse(source.value);
    if (!parsed.success) {
      issues.push(...zodIssues(source, parsed.error).filter((i) => !explained.has(`${i.row}|${i.field}`)));
      continue;
    }
    valid.push({ row: { ...parsed.data, id: parsed.data.id ?? productIdFromSlug(parsed.data.slug) }, source });
  }

  issues.push(...crossRowIssues(valid));

  if (issues.length > 0) {
    issues.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
    return { ok: false, issues };
  }
  return { ok: true, rows: valid.map((v) => v.row) };
}

function crossRowIssues(valid: readonly { row: ValidCatalogRow; source: SourceRow }[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const slugs = new Map<string, SourceRow>();
  const ids = new Map<string, SourceRow>();
  const variantIds = new Map<string, { source: SourceRow; index: number }>();
  const categoryNames = new Map<string, { name: string; source: SourceRow }>();
  const categoryDescriptions = new Map<string, { description: string; source: SourceRow }>();

  for (const { row, source } of valid) {
    const slugOwner = slugs.get(row.slug);
    if (slugOwner) {
      issues.push({ ...source.locate(['slug']), message: `"${row.slug}" is already used by row ${slugOwner.locate(['slug']).row}` });
    } else slugs.set(row.slug, source);

    // A derived id repeats exactly when the slug does; that is reported once, above.
    const idOwner = ids.get(row.id);
    if (idOwner && !slugOwner) {
      issues.push({ ...source.locate(['id']), message: `"${row.id}" is already used by row ${idOwner.locate(['id']).row}` });
    } else if (!idOwner) ids.set(row.id, source);

    // Unique across the whole catalog, not just the product: orders, top-seller counts and stock alerts name a
    // variant by its id, and a shared one would mix two products' figures.
    row.variants.forEach((variant, index) => {
      const owner = variantIds.get(variant.id);
      if (owner) {
        issues.push({
          ...source.locate(['variants', index, 'id']),
          message: `"${variant.id}" is already used by row ${owner.source.locate(['variants', owner.index, 'id']).row}`,
        });
      } else variantIds.set(variant.id, { source, index });
    });

    // Categories are stored once (slug, name, description), so every row must agree on them.
    const named = categoryNames.get(row.category);
    if (!named) categoryNames.set(row.category, { name: row.categoryName, source });
    else if (named.name !== row.categoryName) {
      issues.push({
        ...source.locate(['categoryName']),
        message: `"${row.categoryName}" differs from "${named.name}" given for category "${row.category}" in row ${named.source.locate(['categoryName']).row}`,
      });
    }
    if (row.categoryDescription !== undefined) {
      const described = categoryDescriptions.get(row.category);
      if (!described) categoryDescriptions.set(row.category, { description: row.categoryDescription, source });
      else if (described.description !== row.categoryDescription) {
        issues.push({
          ...source.locate(['categoryDescription']),
          message: `differs from the description given for category "${row.category}" in row ${described.source.locate(['categoryDescription']).row}`,
        });
      }
    }
  }
  return issues;
}
