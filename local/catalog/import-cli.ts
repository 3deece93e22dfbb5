import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CatalogValidationError,
  catalogFormatOf,
  catalogImageSource,
  formatIssue,
  type ImportProgress,
  importCatalog,
  readCatalogFile,
} from '../../server/catalog/import';
import { resetAwsClientsForTests } from '../../server/platform/aws/clients';
import { resetConfigForTests } from '../../server/platform/config';

// npm run catalog:import -- <file.json|file.csv> [--force]
//
// Images may be site paths (/images/…), http(s) URLs, or .jpg/.png/.webp files named relative to the catalogue
// file (photos/red-1.jpg): URLs and files are checked and stored in the product images bucket first
// (PRODUCT_IMAGES_BUCKET, and S3_ENDPOINT for the local stack), and the products list the stored copies.
//
// Configuration comes from the environment (server/platform/config/index.ts). With DYNAMODB_ENDPOINT unset and a .local-data
// folder present (the local stack has run here), it assumes the local stack: DynamoDB Local on
// http://127.0.0.1:${LOCAL_DYNAMODB_PORT:-8000} with the stand-in's fixed credentials. Start the stack first
// (`npm run dev` or `npm run stack`). To import into AWS, set AWS_REGION, TABLE_PREFIX and credentials instead.
//
// Exit codes: 0 imported, 1 the file has problems (nothing written) or the import failed, 2 bad usage.

const MAX_ISSUES_SHOWN = 50;

function defaultToLocalStack(): void {
  if (process.env.DYNAMODB_ENDPOINT || !existsSync('.local-data')) return;
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${process.env.LOCAL_DYNAMODB_PORT || '8000'}`;
  resetConfigForTests();
  resetAwsClientsForTests();
  console.error(`DYNAMODB_ENDPOINT is not set; using the local stack at ${process.env.DYNAMODB_ENDPOINT}.`);
}

const phaseLabels: Record<ImportProgress['phase'], string> = {
  categories: 'Categories',
  compare: 'Comparing with stored products',
  write: 'Writing products',
};

/** A redrawn line on a terminal; on a pipe or CI log, plain lines: each fifth of the writing, and each phase's end. */
function progressPrinter(): { onProgress: (p: ImportProgress) => void; done: () => void; productsWritten: () => number } {
  const tty = process.stderr.isTTY === true;
  let lastBucket = '';
  let written = 0;
  return {
    productsWritten: () => written,
    onProgress: ({ phase, done, total }) => {
      if (phase === 'write') written = done;
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      const text = `${phaseLabels[phase]}: ${done}/${total} (${percent}%)`;
      if (tty) {
        process.stderr.write(`\r\x1b[2K${text}`);
        return;
      }
      // The short phases (a dozen categories, a few reads) get one line when they finish.
      const bucket = phase === 'write' ? `${phase}:${Math.floor(percent / 20)}` : `${phase}:${done === total}`;
      if (bucket !== lastBucket && (phase === 'write' || done === total)) console.error(text);
      lastBucket = bucket;
    },
    done: () => {
      if (tty) process.stderr.write('\r\x1b[2K');
    },
  };
}

function describeFailure(err: unknown): string {
  const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code;
  if (code === 'ECONNREFUSED' || e.name === 'TimeoutError') {
    return `cannot reach DynamoDB at ${process.env.DYNAMODB_ENDPOINT ?? 'AWS'} (${code ?? e.name}). Is the local stack running (npm run stack)?`;
  }
  if (e.name === 'ResourceNotFoundException') return `${e.message}. Are the tables created, and is TABLE_PREFIX right?`;
  return e.message ?? String(err);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  const file = positionals[0];
  const format = file ? catalogFormatOf(file) : null;
  if (!file || !format || positionals.length > 1) {
    console.error('Usage: npm run catalog:import -- <file.json|file.csv> [--force]');
    return 2;
  }

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`Cannot read ${file}: ${(err as Error).message}`);
    return 2;
  }

  const validation = readCatalogFile(text, format);
  if (!validation.ok) {
    const { issues } = validation;
    console.error(`${file} has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was imported.`);
    for (const issue of issues.slice(0, MAX_ISSUES_SHOWN)) console.error(`  ${formatIssue(issue)}`);
    if (issues.length > MAX_ISSUES_SHOWN) console.error(`  … and ${issues.length - MAX_ISSUES_SHOWN} more.`);
    return 1;
  }

  defaultToLocalStack();
  const progress = progressPrinter();
  try {
    const s = await importCatalog(validation.rows, {
      onProgress: progress.onProgress,
      force: values.force,
      images: catalogImageSource(path.dirname(path.resolve(file))),
    });
    progress.done();
    console.log(
      `Imported ${s.products} products from ${file} in ${(s.durationMs / 1000).toFixed(1)} s: ${s.created} new, ${s.updated} updated, ` +
        `${s.unchanged} unchanged; ${s.categories} categories upserted (${s.writeCalls} BatchWriteItem calls).`,
    );
    return 0;
  } catch (err) {
    progress.done();
    if (err instanceof CatalogValidationError) {
      console.error(`${file}: ${err.message}`);
      for (const issue of err.issues.slice(0, MAX_ISSUES_SHOWN)) console.error(`  ${formatIssue(issue)}`);
      return 1;
    }
    console.error(`Import failed: ${describeFailure(err)}`);
    if (progress.productsWritten() > 0) {
      console.error(`${progress.productsWritten()} products were written before the failure and stay written; re-running the import is safe (it upserts).`);
    }
    return 1;
  }
}

process.exitCode = await main();
