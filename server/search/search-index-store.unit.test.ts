import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProductRecord } from '../catalog/contract';
import { FIXTURE_CATEGORIES, productRecord } from './testing/product-fixtures';

// The table reads are replaced so the build's timing is in the test's hands.
type Deferred<T> = { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void };
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const scans: Deferred<ProductRecord[]>[] = [];
vi.mock('./scan-catalog-tables', () => ({
  scanAllProducts: () => {
    const d = deferred<ProductRecord[]>();
    scans.push(d);
    return d.promise;
  },
  scanCategoryNames: async () => FIXTURE_CATEGORIES,
}));

const store = await import('./search-index-store');

const tent = productRecord({ id: 'tent', name: 'Camping Tent', category: 'outdoor' });
const lamp = productRecord({ id: 'lamp', name: 'Desk Lamp', category: 'home-kitchen' });

beforeEach(() => {
  scans.length = 0;
  store.resetSearchIndexForTests();
});

describe('search index store', () => {
  it('builds once for concurrent first searches', async () => {
    const a = store.ensureSearchIndex();
    const b = store.ensureSearchIndex();
    await Promise.resolve();
    expect(scans).toHaveLength(1);
    scans[0]!.resolve([tent]);
    expect(await a).toBe(await b);
    expect((await store.ensureSearchIndex()).size).toBe(1);
    expect(scans).toHaveLength(1);
  });

  it('retries the build on the next call after a failed Scan', async () => {
    const first = store.ensureSearchIndex();
    await Promise.resolve();
    scans[0]!.reject(new Error('table unavailable'));
    await expect(first).rejects.toThrow('table unavailable');
    const second = store.ensureSearchIndex();
    await Promise.resolve();
    expect(scans).toHaveLength(2);
    scans[1]!.resolve([tent, lamp]);
    expect((await second).size).toBe(2);
  });

  it('lets a forced rebuild win over an older build that finishes later', async () => {
    const older = store.ensureSearchIndex();
    const newer = store.rebuildSearchIndex();
    await Promise.resolve();
    scans[1]!.resolve([tent, lamp]);
    await newer;
    scans[0]!.resolve([tent]);
    await older;
    expect(store.currentSearchIndex()?.size).toBe(2);
  });

  it('re-applies changes that arrive while a build runs', async () => {
    const build = store.ensureSearchIndex();
    await Promise.resolve();
    await store.applySearchIndexChanges([
      { type: 'upsert', record: lamp },
      { type: 'remove', id: 'tent' },
    ]);
    // The Scan read the table before those changes.
    scans[0]!.resolve([tent]);
    const index = await build;
    await vi.waitFor(() => expect(store.currentSearchIndex()).toBe(index));
    expect(index.get('lamp')?.summary.name).toBe('Desk Lamp');
    expect(index.get('tent')).toBeUndefined();
  });

  it('refreshes an index no stream follows once it is a few minutes old, answering from the old one meanwhile', async () => {
    const now = vi.spyOn(Date, 'now');
    try {
      now.mockReturnValue(1_000_000);
      const first = store.ensureSearchIndex();
      await Promise.resolve();
      scans[0]!.resolve([tent]);
      const old = await first;
      await vi.waitFor(() => expect(store.currentSearchIndex()).toBe(old));

      now.mockReturnValue(1_000_000 + 4 * 60_000);
      expect(await store.ensureSearchIndex()).toBe(old);
      expect(scans).toHaveLength(1);

      // A consumer following the stream vouches for it: no rebuild however old.
      store.markSearchIndexFollowed(3 * 60_000);
      now.mockReturnValue(1_000_000 + 6 * 60_000);
      expect(await store.ensureSearchIndex()).toBe(old);
      expect(scans).toHaveLength(1);

      // The lease ran out: the next search rebuilds in the background and still gets the old index.
      now.mockReturnValue(1_000_000 + 8 * 60_000);
      expect(await store.ensureSearchIndex()).toBe(old);
      expect(scans).toHaveLength(2);
      expect(await store.ensureSearchIndex()).toBe(old);
      expect(scans).toHaveLength(2);
      scans[1]!.resolve([tent, lamp]);
      await vi.waitFor(() => expect(store.currentSearchIndex()?.size).toBe(2));
    } finally {
      now.mockRestore();
    }
  });

  it('ignores stream changes while this process has no index', async () => {
    await store.applySearchIndexChanges([{ type: 'upsert', record: lamp }]);
    expect(store.currentSearchIndex()).toBeNull();
    expect(scans).toHaveLength(0);
  });
});
