import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../platform/errors';
import { MAX_IMAGE_BYTES, storeImportedImage } from '../images/uploads';
import { SITE_IMAGE_PATH, type ValidCatalogRow } from './catalog-row-schema';
import { mapWithConcurrency } from './map-with-concurrency';
import type { ImportIssue } from './validate-catalog-rows';

// Real catalogues come with their own pictures: a row may name an image by URL or as a file beside the catalogue
// file. Before anything is written the importer brings each one in (fetch or read), checks it like a marketer's
// upload (JPEG, PNG or WebP, 400–6000 px a side, ≤ 5 MB) and stores it in the product images bucket under a key
// named by its bytes; the row then holds the site path (/images/uploads/…) the shop serves it from. Rows that hold
// site paths only (the demo catalogue, an export) pass through untouched and need no bucket.

export type ImageSource = {
  /** The bytes of an image a row names: `ref` is an http(s) URL or a file path relative to the catalogue. */
  read(ref: string): Promise<Uint8Array>;
  /** Stores checked bytes for a product and answers the site path to list. */
  store(productId: string, bytes: Uint8Array): Promise<string>;
};

const FETCH_TIMEOUT_MS = 20_000;
const CONCURRENCY = 4;

/** Reads files under `baseDir` (the catalogue's folder) and fetches URLs, each at most MAX_IMAGE_BYTES. */
export function catalogImageSource(baseDir: string, fetchImpl: typeof fetch = fetch): ImageSource {
  const root = path.resolve(baseDir);
  return {
    async read(ref) {
      if (/^https?:\/\//i.test(ref)) {
        const res = await fetchImpl(ref, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
        if (!res.ok) throw new Error(`the server answered ${res.status}`);
        const length = Number(res.headers.get('content-length') ?? 0);
        if (length > MAX_IMAGE_BYTES) throw new Error(`it is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (bytes.byteLength > MAX_IMAGE_BYTES) throw new Error(`it is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
        return bytes;
      }
      const file = path.resolve(root, ref);
      // The schema already refuses absolute paths and "..": this is the second lock on the same door.
      if (file !== root && !file.startsWith(`${root}${path.sep}`)) throw new Error('it is outside the catalogue folder');
      return new Uint8Array(await readFile(file));
    },
    store: storeImportedImage,
  };
}

const isExternal = (ref: string): boolean => !SITE_IMAGE_PATH.test(ref);

/** True when some row names an image by URL or file, so the import needs an ImageSource. */
export function rowsNeedImageSource(rows: readonly ValidCatalogRow[]): boolean {
  return rows.some((row) => [row.images, ...Object.values(row.imagesByColour ?? {})].some((list) => list.some(isExternal)));
}

/**
 * The rows with every URL and file replaced by the site path of its stored copy, or the issues (one per image
 * that could not be brought in: unreachable, not an image, too small). Each distinct reference is read once.
 */
export async function importRowImages(
  rows: readonly ValidCatalogRow[],
  source: ImageSource,
): Promise<{ ok: true; rows: ValidCatalogRow[] } | { ok: false; issues: ImportIssue[] }> {
  type Job = { row: number; productId: string; slug: string; field: string; ref: string };
  const jobs: Job[] = [];
  rows.forEach((row, i) => {
    const add = (field: string, list: readonly string[]) =>
      list.forEach((ref, j) => {
        if (isExternal(ref)) jobs.push({ row: i + 1, productId: row.id, slug: row.slug, field: `${field}[${j}]`, ref });
      });
    add('images', row.images);
    for (const [colour, list] of Object.entries(row.imagesByColour ?? {})) add(`imagesByColour.${colour}`, list);
  });
  if (jobs.length === 0) return { ok: true, rows: [...rows] };

  // One store per product and reference: the same picture for two products is stored under each product's prefix.
  const stored = new Map<string, Promise<string>>();
  const issues: ImportIssue[] = [];
  await mapWithConcurrency(jobs, CONCURRENCY, async (job) => {
    const key = `${job.productId}\n${job.ref}`;
    let pending = stored.get(key);
    if (!pending) {
      pending = source.read(job.ref).then((bytes) => source.store(job.productId, bytes));
      stored.set(key, pending);
    }
    await pending.catch((err: unknown) => {
      const why = err instanceof AppError ? err.message : err instanceof Error ? err.message : String(err);
      issues.push({ row: job.row, field: job.field, message: `${job.ref} (product ${job.slug}) could not be imported: ${why}` });
    });
  });
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field)) };

  const resolved = async (productId: string, list: readonly string[]) =>
    Promise.all(list.map((ref) => (isExternal(ref) ? (stored.get(`${productId}\n${ref}`) as Promise<string>) : ref)));
  const out: ValidCatalogRow[] = [];
  for (const row of rows) {
    const next: ValidCatalogRow = { ...row, images: await resolved(row.id, row.images) };
    if (row.imagesByColour) {
      next.imagesByColour = Object.fromEntries(
        await Promise.all(Object.entries(row.imagesByColour).map(async ([colour, list]) => [colour, await resolved(row.id, list)] as const)),
      );
    }
    out.push(next);
  }
  return { ok: true, rows: out };
}
