import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ProductSearchIndex } from './product-search-index';
import { runSearch } from './run-search';
import { decodeSearchSnapshot, encodeSearchSnapshot, newSnapshotVersion, SEARCH_SNAPSHOT_SCHEMA } from './search-snapshot';
import { FIXTURE_CATEGORIES, syntheticProducts } from './testing/product-fixtures';

function builtIndex(count: number): ProductSearchIndex {
  const index = new ProductSearchIndex(FIXTURE_CATEGORIES);
  for (const r of syntheticProducts(count)) index.upsert(r);
  return index;
}

const meta = { version: newSnapshotVersion(new Date('2026-01-02T03:04:05.678Z')), createdAt: '2026-01-02T03:04:05.678Z' };

describe('search snapshot encode/decode', () => {
  it('round-trips an index: the same answers for text, typos, facets, browsing and suggestions', async () => {
    const index = builtIndex(300);
    // A removal leaves discarded postings in MiniSearch; the snapshot must not bring the product back.
    const removed = [...index.all()][0]!.id;
    index.remove(removed);
    const { index: loaded, version, createdAt } = await decodeSearchSnapshot(await encodeSearchSnapshot(index, meta));
    expect({ version, createdAt }).toEqual(meta);
    expect(loaded.size).toBe(index.size);
    expect(loaded.get(removed)).toBeUndefined();
    for (const params of [
      { q: 'headphones' },
      { q: 'hedphones' },
      { q: 'head' },
      { q: 'wireless black earbuds', inStock: true },
      { q: '', category: 'audio', sort: 'price-asc' as const },
      { q: 'qqzzvx hedfones' },
    ]) {
      expect(runSearch(loaded, params)).toEqual(runSearch(index, params));
    }
    expect(loaded.categoryName('audio')).toBe('Audio');
  });

  it('a loaded index takes further changes like a built one', async () => {
    const index = builtIndex(50);
    const loaded = (await decodeSearchSnapshot(await encodeSearchSnapshot(index, meta))).index;
    const [first] = syntheticProducts(1);
    const renamed = { ...first!, name: 'Zanzibar Teapot' };
    loaded.upsert(renamed);
    index.upsert(renamed);
    expect(runSearch(loaded, { q: 'zanzibar' }).items.map((i) => i.id)).toEqual([renamed.id]);
    expect(runSearch(loaded, { q: 'zanzibar' })).toEqual(runSearch(index, { q: 'zanzibar' }));
  });

  it('is gzipped JSON carrying its schema version', async () => {
    const gz = await encodeSearchSnapshot(builtIndex(10), meta);
    const body = JSON.parse(gunzipSync(gz).toString('utf8')) as { schema: number; version: string };
    expect(body.schema).toBe(SEARCH_SNAPSHOT_SCHEMA);
    expect(body.version).toBe(meta.version);
  });

  it('refuses bytes that are not gzip, gzip that is not JSON, and JSON of the wrong shape', async () => {
    await expect(decodeSearchSnapshot(Buffer.from('hello'))).rejects.toMatchObject({ name: 'SnapshotUnusableError', reason: 'corrupt' });
    await expect(decodeSearchSnapshot(gzipSync('{"schema":1,'))).rejects.toMatchObject({ reason: 'corrupt' });
    await expect(decodeSearchSnapshot(gzipSync(JSON.stringify({ schema: SEARCH_SNAPSHOT_SCHEMA, version: 'v' })))).rejects.toMatchObject({
      reason: 'corrupt',
    });
  });

  it('refuses a truncated snapshot', async () => {
    const gz = await encodeSearchSnapshot(builtIndex(20), meta);
    await expect(decodeSearchSnapshot(gz.subarray(0, gz.length - 20))).rejects.toMatchObject({ reason: 'corrupt' });
  });

  it('refuses another schema version', async () => {
    const gz = await encodeSearchSnapshot(builtIndex(5), meta);
    const body = JSON.parse(gunzipSync(gz).toString('utf8')) as Record<string, unknown>;
    await expect(decodeSearchSnapshot(gzipSync(JSON.stringify({ ...body, schema: SEARCH_SNAPSHOT_SCHEMA + 1 })))).rejects.toMatchObject({
      reason: 'wrong-schema',
    });
  });

  it('refuses a MiniSearch part that disagrees with the entries', async () => {
    const gz = await encodeSearchSnapshot(builtIndex(5), meta);
    const body = JSON.parse(gunzipSync(gz).toString('utf8')) as { state: { entries: unknown[] } };
    body.state.entries.pop();
    await expect(decodeSearchSnapshot(gzipSync(JSON.stringify(body)))).rejects.toMatchObject({ reason: 'corrupt' });
  });

  it('versions sort by write time', () => {
    const a = newSnapshotVersion(new Date('2026-01-02T03:04:05.678Z'));
    const b = newSnapshotVersion(new Date('2026-01-02T03:04:05.679Z'));
    const c = newSnapshotVersion(new Date('2026-11-02T00:00:00.000Z'));
    expect([c, b, a].sort()).toEqual([a, b, c]);
  });
});
