import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Issue 26, ADR 0026: no DynamoDB Scan on a request path. A Scan costs what the table holds, so a page or route that
// Scans gets slower and dearer as the shop grows. Every Scan in the request-serving source (server/, app/,
// components/, middleware.ts) must sit in a function listed below: a batch job (import, rebuild, erase,
// admin-only maintenance), each with the reason it may read a whole table. Found with the TypeScript compiler
// API: a `new ScanCommand(…)`, or a call of `paginateScan`, or of our paginator's `scanPages` / `scanAll`
// (server/platform/db/paginate.ts), is attributed to the named function around it.

const ROOTS = ['server', 'app', 'components', 'middleware.ts'];
const SCAN_CALLS = new Set(['ScanCommand', 'paginateScan', 'scanPages', 'scanAll']);

/** `file#function` → why this Scan is not on a request path (or is, knowingly; see the report in ADR 0026). */
const ALLOWED: Record<string, string> = {
  'server/platform/db/paginate.ts#scanPages': 'the one paginator itself; its callers are what this test checks',
  'server/platform/db/paginate.ts#scanAll': 'the one paginator itself; its callers are what this test checks',
  'server/search/scan-catalog-tables.ts#scanSegment':
    'search index rebuild (batch): the products-stream function and a cold instance that finds no S3 snapshot (ADR 0014)',
  'server/identity/revoked-sessions.ts#loadIntoRedis': 'rebuild: reloads the revoked-token copy into Redis once when it restarted empty',
  'server/promotions/promotion-store.ts#rebuildPromotionIndex':
    'rebuild, once per table: the promotions index item is missing (a table written before it existed)',
  'server/campaigns/campaign-store.ts#listCampaigns': 'admin-only: the marketing campaigns page lists a small table (tens of items)',
  'server/catalog/import/catalog-test-tables.ts#scanAll': 'test helper of the catalog import tests, never imported by the app',
  'server/flags/flag-store.ts#scanFlags':
    'remaining request-path Scan, bounded: a handful of flags loaded into the shared flag cache at most every 5 s per process',
  'server/catalog/product-repository.ts#scanCategories':
    "remaining request-path Scan, bounded: a dozen categories read through 'use cache' (cachedCategories), not per request",
};

function sourceFiles(entry: string, out: string[] = []): string[] {
  if (/\.(ts|tsx)$/.test(entry)) return [...out, entry];
  for (const dirent of readdirSync(entry, { withFileTypes: true })) {
    const full = path.join(entry, dirent.name);
    if (dirent.isDirectory()) {
      if (!['node_modules', 'test-support', 'testing'].includes(dirent.name)) sourceFiles(full, out);
    } else if (/\.(ts|tsx)$/.test(dirent.name) && !/\.test\.tsx?$/.test(dirent.name)) out.push(full);
  }
  return out;
}

function enclosingName(node: ts.Node): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return n.name.getText();
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent)) return n.parent.name.getText();
  }
  return '(module)';
}

/** Every Scan in one file's source, as `file#function`. */
function scansIn(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  // `import { scanAll as everything }` is a Scan under another name.
  const names = new Set(SCAN_CALLS);
  for (const statement of sf.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) if (SCAN_CALLS.has((el.propertyName ?? el.name).text)) names.add(el.name.text);
    }
  }
  const visit = (node: ts.Node) => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && names.has(calleeName(node.expression))) {
      found.push(`${file}#${enclosingName(node)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function calleeName(expr: ts.Expression): string {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text; // db.scanPages(…), lib.ScanCommand
  return '';
}

const repo = path.resolve(__dirname, '../..');

describe('no Scan on a request path', () => {
  it('finds a Scan, in whichever form, and names the function around it', () => {
    const planted = [
      "import { ScanCommand } from '@aws-sdk/lib-dynamodb';",
      'export async function listAll() { return client.send(new ScanCommand({ TableName: t })); }',
      'export const sitemap = async () => { for await (const p of scanPages({ TableName: t })) use(p); };',
      'class Repo { async every() { return db.scanAll({ TableName: t }); } }',
      'export function paged() { return paginateScan({ client }, { TableName: t }); }',
      "import { scanAll as everything } from '../platform/db';",
      'export const hidden = function () { return everything({ TableName: t }); };',
      'export async function fine() { return queryAll({ TableName: t }); }',
    ].join('\n');
    expect(scansIn('app/x.ts', planted)).toEqual(['app/x.ts#listAll', 'app/x.ts#sitemap', 'app/x.ts#every', 'app/x.ts#paged', 'app/x.ts#hidden']);
  });

  const found = ROOTS.flatMap((root) => sourceFiles(path.join(repo, root)))
    .map((f) => path.relative(repo, f).split(path.sep).join('/'))
    .flatMap((f) => scansIn(f, readFileSync(path.join(repo, f), 'utf8')));

  it('has a Scan only in the allow-listed batch jobs', () => {
    expect(found.filter((s) => !(s in ALLOWED))).toEqual([]);
  });

  it('has no stale allow-list entry (each still names a function that Scans)', () => {
    expect(Object.keys(ALLOWED).filter((s) => !found.includes(s))).toEqual([]);
  });
});
