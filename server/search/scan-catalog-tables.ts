import type { ProductRecord } from '../catalog/contract';
import { scanPages } from '../platform/db';
import { tableName } from '../platform/db/tables';

// Reads everything the index is built from, straight from the tables. The catalog's public reads are
// cached through Next's 'use cache', which does not run in instrumentation, scripts or a stream Lambda;
// the index is a read model derived from the tables, like any other stream consumer's.

/**
 * Parallel Scan segments: the Scan is the cold-start cost, and segments read different partitions at once.
 * Each segment follows LastEvaluatedKey to its end, so every item is read whatever the table size.
 */
const SCAN_SEGMENTS = 4;

async function scanSegment<T>(table: string, segment: number, totalSegments: number): Promise<T[]> {
  const items: T[] = [];
  for await (const page of scanPages({ TableName: table, Segment: segment, TotalSegments: totalSegments })) {
    for (const item of page.Items ?? []) items.push(item as T);
  }
  return items;
}

async function scanTable<T>(table: string, segments: number): Promise<T[]> {
  const parts = await Promise.all(Array.from({ length: segments }, (_, i) => scanSegment<T>(table, i, segments)));
  return parts.flat();
}

export async function scanAllProducts(): Promise<ProductRecord[]> {
  return scanTable<ProductRecord>(tableName('products'), SCAN_SEGMENTS);
}

export async function scanCategoryNames(): Promise<{ slug: string; name: string }[]> {
  const rows = await scanTable<{ slug?: unknown; name?: unknown }>(tableName('categories'), 1);
  return rows
    .filter((r): r is { slug: string; name: string } => typeof r.slug === 'string' && typeof r.name === 'string')
    .map(({ slug, name }) => ({ slug, name }));
}
