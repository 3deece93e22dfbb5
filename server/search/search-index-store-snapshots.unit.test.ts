import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetConfigForTests } from '../platform/config';
import { ProductSearchIndex } from './product-search-index';
import type { SnapshotPointer } from './search-snapshot';
import { FIXTURE_CATEGORIES, productRecord } from './testing/product-fixtures';

// The store's snapshot paths with S3 replaced by a map: which snapshot a cold start loads, when a newer pointer is
// swapped in, and that a writer's unwritten changes survive swapping in another writer's snapshot.

process.env.SEARCH_SNAPSHOT_POLL_MS = '0';
process.env.SEARCH_SNAPSHOT_INTERVAL_MS = '0';
resetConfigForTests();

const s3 = { pointer: null as SnapshotPointer | null, snapshots: new Map<string, ProductSearchIndex>(), writes: 0 };
let scans = 0;
vi.mock('./scan-catalog-tables', () => ({
  scanAllProducts: async () => {
    scans++;
    return [];
  },
  scanCategoryNames: async () => FIXTURE_CATEGORIES,
}));
/** A copy, as a GET and decode would give: never the writer's own object. */
const copy = (index: ProductSearchIndex) => ProductSearchIndex.fromState(JSON.parse(JSON.stringify(index.toState())));
let clock = Date.parse('2026-01-01T00:00:00Z');
function publish(index: ProductSearchIndex): SnapshotPointer {
  clock += 1_000;
  const version = `v${clock}`;
  s3.snapshots.set(version, copy(index));
  s3.pointer = { schema: 1, version, key: `search/${version}.json.gz`, createdAt: new Date(clock).toISOString(), products: index.size, bytes: 1 };
  return s3.pointer;
}
vi.mock('./snapshot-store', () => ({
  snapshotsEnabled: () => true,
  readSnapshotPointer: async () => s3.pointer,
  loadSnapshot: async (p: SnapshotPointer) => copy(s3.snapshots.get(p.version)!),
  writeSnapshot: async (index: ProductSearchIndex) => {
    s3.writes++;
    return publish(index);
  },
}));

const store = await import('./search-index-store');

const tent = productRecord({ id: 'tent', name: 'Camping Tent', category: 'outdoor' });
const lamp = productRecord({ id: 'lamp', name: 'Desk Lamp', category: 'home-kitchen' });
const kettle = productRecord({ id: 'kettle', name: 'Copper Kettle', category: 'home-kitchen' });

function indexOf(...records: ReturnType<typeof productRecord>[]): ProductSearchIndex {
  const index = new ProductSearchIndex(FIXTURE_CATEGORIES);
  for (const r of records) index.upsert(r);
  return index;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
}

/** A search (which may start a background pointer check), then time for that check to finish. */
async function searchAndSettle(): Promise<void> {
  await store.ensureSearchIndex();
  await settle();
}

beforeEach(() => {
  store.resetSearchIndexForTests();
  s3.pointer = null;
  s3.snapshots.clear();
  s3.writes = 0;
  scans = 0;
});

describe('search index store with snapshots', () => {
  it('a cold start loads the pointer’s snapshot and does not scan', async () => {
    publish(indexOf(tent, lamp));
    expect((await store.ensureSearchIndex()).size).toBe(2);
    expect(scans).toBe(0);
  });

  it('scans when there is no pointer', async () => {
    await store.ensureSearchIndex();
    expect(scans).toBe(1);
  });

  it('swaps in a newer snapshot found on a later search, and keeps the index for the same pointer', async () => {
    publish(indexOf(tent));
    const first = await store.ensureSearchIndex();
    await searchAndSettle();
    await searchAndSettle();
    expect(await store.ensureSearchIndex()).toBe(first);
    await settle();
    publish(indexOf(tent, lamp));
    await searchAndSettle();
    const next = await store.ensureSearchIndex();
    expect(next).not.toBe(first);
    expect(next.get('lamp')).toBeDefined();
    expect(scans).toBe(0);
  });

  it('a writer’s unwritten changes survive swapping in another writer’s newer snapshot', async () => {
    publish(indexOf(tent));
    await store.prepareSearchSnapshotWriter();
    // Another writer (another shard) publishes lamp; this one applies kettle before it has written.
    publish(indexOf(tent, lamp));
    await store.applySearchIndexChanges([{ type: 'upsert', record: kettle }]);
    // A search polls the pointer and swaps the other writer's snapshot in; then this writer's snapshot follows.
    await searchAndSettle();
    expect(store.currentSearchIndex()?.get('lamp')).toBeDefined();
    store.scheduleSearchSnapshot();
    await store.searchSnapshotSettled();
    const latest = s3.snapshots.get(s3.pointer!.version)!;
    expect(latest.get('lamp')).toBeDefined();
    expect(latest.get('kettle')).toBeDefined();
    expect((await store.ensureSearchIndex()).get('kettle')).toBeDefined();
  });

  it('writing merges another writer’s snapshot published since this one’s base', async () => {
    publish(indexOf(tent));
    await store.prepareSearchSnapshotWriter();
    await store.applySearchIndexChanges([{ type: 'upsert', record: kettle }]);
    publish(indexOf(tent, lamp));
    store.scheduleSearchSnapshot();
    await store.searchSnapshotSettled();
    const latest = s3.snapshots.get(s3.pointer!.version)!;
    expect([...latest.all()].map((e) => e.id).sort()).toEqual(['kettle', 'lamp', 'tent']);
  });
});
