import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import { ProductSearchIndex, type SearchIndexState } from './product-search-index';

// The index as one gzipped JSON object in S3, and the small pointer that names the current one. A snapshot is
// written once under its own key and never changed; the pointer is overwritten after it, so a reader following
// the pointer never sees half a snapshot (docs/search.md, "Snapshots in S3").

/**
 * Bump when SearchEntry, the MiniSearch options (text-matching.ts) or the state's shape change: a reader refuses a
 * snapshot of another schema and scans instead, so a deploy never answers from an index built by other rules.
 */
// 2: ProductSummary (each entry's `summary`) carries reviewCount (issue 27).
// 3: each entry carries brand, sizes and colours for the category pages' brand, size and colour facets (issue 27).
export const SEARCH_SNAPSHOT_SCHEMA = 3;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export const snapshotPointerSchema = z.object({
  schema: z.number().int(),
  /** Sortable: the write time (UTC, compact ISO) and a random suffix. */
  version: z.string().min(1),
  key: z.string().min(1),
  createdAt: z.string(),
  products: z.number().int().min(0),
  bytes: z.number().int().min(0),
});
export type SnapshotPointer = z.infer<typeof snapshotPointerSchema>;

const snapshotBodySchema = z.object({
  schema: z.number().int(),
  version: z.string(),
  createdAt: z.string(),
  state: z.object({
    text: z.record(z.string(), z.unknown()),
    entries: z.array(z.object({ id: z.string() }).passthrough()),
    categories: z.array(z.object({ slug: z.string(), name: z.string() })),
  }),
});

export class SnapshotUnusableError extends Error {
  constructor(
    readonly reason: 'wrong-schema' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'SnapshotUnusableError';
  }
}

export function newSnapshotVersion(now = new Date()): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function encodeSearchSnapshot(index: ProductSearchIndex, meta: { version: string; createdAt: string }): Promise<Buffer> {
  // toState() is synchronous, so the snapshot is one consistent state of the index even while changes arrive.
  const body = { schema: SEARCH_SNAPSHOT_SCHEMA, version: meta.version, createdAt: meta.createdAt, state: index.toState() };
  return gzipAsync(Buffer.from(JSON.stringify(body)));
}

/** Throws SnapshotUnusableError for anything but a whole snapshot of this schema. */
export async function decodeSearchSnapshot(gz: Uint8Array): Promise<{ index: ProductSearchIndex; version: string; createdAt: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse((await gunzipAsync(gz)).toString('utf8'));
  } catch (err) {
    throw new SnapshotUnusableError('corrupt', `snapshot does not gunzip or parse: ${String(err)}`);
  }
  const schema = (raw as { schema?: unknown } | null)?.schema;
  if (schema !== SEARCH_SNAPSHOT_SCHEMA) {
    throw new SnapshotUnusableError('wrong-schema', `snapshot schema ${String(schema)}, this build reads ${SEARCH_SNAPSHOT_SCHEMA}`);
  }
  const body = snapshotBodySchema.safeParse(raw);
  if (!body.success) throw new SnapshotUnusableError('corrupt', `snapshot shape: ${body.error.issues[0]?.message ?? 'invalid'}`);
  try {
    const index = ProductSearchIndex.fromState(body.data.state as unknown as SearchIndexState);
    return { index, version: body.data.version, createdAt: body.data.createdAt };
  } catch (err) {
    throw new SnapshotUnusableError('corrupt', `snapshot does not load: ${String(err)}`);
  }
}
