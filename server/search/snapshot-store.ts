import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import type { ProductSearchIndex } from './product-search-index';
import {
  decodeSearchSnapshot,
  encodeSearchSnapshot,
  newSnapshotVersion,
  SEARCH_SNAPSHOT_SCHEMA,
  type SnapshotPointer,
  SnapshotUnusableError,
  snapshotPointerSchema,
} from './search-snapshot';

// Snapshots in S3: `<prefix><tables>/snapshots/<version>.json.gz`, written once, and `<prefix><tables>/latest.json`,
// the pointer, overwritten after each snapshot is whole. `<tables>` is TABLE_PREFIX without its trailing dash: an
// index belongs to one set of tables (a stage on AWS; a suite's own tables in the tests). S3 is strongly consistent for reads after writes, so a reader that
// sees a new pointer finds its snapshot.

export function snapshotsEnabled(): boolean {
  return !!getConfig().SEARCH_SNAPSHOT_BUCKET;
}

function location(): { Bucket: string; prefix: string } {
  const { SEARCH_SNAPSHOT_BUCKET, SEARCH_SNAPSHOT_PREFIX, TABLE_PREFIX } = getConfig();
  if (!SEARCH_SNAPSHOT_BUCKET) throw new Error('SEARCH_SNAPSHOT_BUCKET is not set');
  const tables = TABLE_PREFIX.replace(/[-_.]+$/, '');
  return { Bucket: SEARCH_SNAPSHOT_BUCKET, prefix: `${SEARCH_SNAPSHOT_PREFIX}${tables ? `${tables}/` : ''}` };
}

export function pointerKey(): string {
  return `${location().prefix}latest.json`;
}

function isMissing(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404;
}

async function getBytes(key: string): Promise<Uint8Array | null> {
  try {
    const out = await s3Client().send(new GetObjectCommand({ Bucket: location().Bucket, Key: key }));
    return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
}

/** The current pointer; null when none was ever written. Throws SnapshotUnusableError for a pointer that is not one. */
export async function readSnapshotPointer(): Promise<SnapshotPointer | null> {
  const bytes = await getBytes(pointerKey());
  if (!bytes) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new SnapshotUnusableError('corrupt', 'the snapshot pointer is not JSON');
  }
  const pointer = snapshotPointerSchema.safeParse(raw);
  if (!pointer.success) throw new SnapshotUnusableError('corrupt', 'the snapshot pointer lacks its fields');
  if (pointer.data.schema !== SEARCH_SNAPSHOT_SCHEMA) {
    throw new SnapshotUnusableError('wrong-schema', `the pointer names a schema ${pointer.data.schema} snapshot, this build reads ${SEARCH_SNAPSHOT_SCHEMA}`);
  }
  return pointer.data;
}

/** The index the pointer names. Throws SnapshotUnusableError when the object is missing or does not decode. */
export async function loadSnapshot(pointer: SnapshotPointer): Promise<ProductSearchIndex> {
  const bytes = await getBytes(pointer.key);
  if (!bytes) throw new SnapshotUnusableError('corrupt', `the pointer names ${pointer.key}, which does not exist`);
  const { index, version } = await decodeSearchSnapshot(bytes);
  if (version !== pointer.version) throw new SnapshotUnusableError('corrupt', `${pointer.key} holds version ${version}, the pointer says ${pointer.version}`);
  return index;
}

/**
 * Snapshots a reader may still be loading are kept: the pointer's own, and any written in the last
 * SNAPSHOT_KEEP_MS (a cold start that read the previous pointer a moment ago). Older ones are deleted after each
 * write, so the bucket holds a handful of objects, not one per write.
 */
const SNAPSHOT_KEEP_MS = 10 * 60_000;

async function pruneSnapshots(keep: string): Promise<number> {
  const { Bucket, prefix } = location();
  const listed = await s3Client().send(new ListObjectsV2Command({ Bucket, Prefix: `${prefix}snapshots/` }));
  const cutoff = Date.now() - SNAPSHOT_KEEP_MS;
  const old = (listed.Contents ?? [])
    .filter((o) => o.Key && o.Key !== keep && (o.LastModified?.getTime() ?? Date.now()) < cutoff)
    .map((o) => ({ Key: o.Key! }));
  if (old.length > 0) await s3Client().send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: old, Quiet: true } }));
  return old.length;
}

/** Writes the index under a new immutable key, then points `latest.json` at it. Returns the new pointer. */
export async function writeSnapshot(index: ProductSearchIndex): Promise<SnapshotPointer> {
  const { Bucket, prefix } = location();
  const now = new Date();
  const version = newSnapshotVersion(now);
  const key = `${prefix}snapshots/${version}.json.gz`;
  const body = await encodeSearchSnapshot(index, { version, createdAt: now.toISOString() });
  await s3Client().send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: 'application/gzip' }));
  const pointer: SnapshotPointer = { schema: SEARCH_SNAPSHOT_SCHEMA, version, key, createdAt: now.toISOString(), products: index.size, bytes: body.length };
  await s3Client().send(
    new PutObjectCommand({ Bucket, Key: pointerKey(), Body: JSON.stringify(pointer), ContentType: 'application/json', CacheControl: 'no-cache' }),
  );
  // Housekeeping only: a failed prune leaves a few more objects for the next write to delete.
  await pruneSnapshots(key).catch(() => 0);
  return pointer;
}
