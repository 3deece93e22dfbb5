import { describe, expect, it } from 'vitest';
import { mergeSorted, takeMerged } from './merge-shards';
import { listAllKey, listAllPartitions, shardOf, statusPartitions, statusShardKey } from './tables';

// The k-way merge of write shards (ADR 0033) on in-memory partitions that behave like DynamoDB's: each sorted by its
// range key (ties in insertion order), read from an exclusive start key, a few items per page.

type Item = { id: string; r: number };
type Key = Record<string, unknown>;

function partitionSource(items: Item[], start: Key | undefined, reads: { count: number }): AsyncIterable<Item> {
  return {
    async *[Symbol.asyncIterator]() {
      let i = start ? items.findIndex((x) => x.id === start.id) + 1 : 0;
      while (i < items.length) {
        reads.count++;
        const page = items.slice(i, i + 3);
        i += page.length;
        yield* page;
      }
    },
  };
}

const byR = (a: Item, b: Item) => a.r - b.r;

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s / 2 ** 32;
  };
}

/** Pages through the merged partitions as queryMergedPage's callers do: the starts of one page are the next's. */
async function pageThrough(partitions: Item[][], limit: number) {
  const pages: Item[][] = [];
  let starts: (Key | undefined)[] = partitions.map(() => undefined);
  for (let guard = 0; guard < 1_000; guard++) {
    const reads = { count: 0 };
    const page = await takeMerged(
      partitions.map((p, i) => partitionSource(p, starts[i], reads)),
      byR,
      limit,
      starts,
      (item) => ({ id: item.id }),
    );
    pages.push(page.items);
    // What a cursor carries: plain JSON.
    starts = JSON.parse(JSON.stringify(page.starts.map((k) => k ?? null))).map((k: Key | null) => k ?? undefined);
    if (!page.more) break;
  }
  return pages;
}

describe('mergeSorted', () => {
  it('merges sorted sources into one sorted sequence, ties to the lower source, each item once', async () => {
    const reads = { count: 0 };
    const a = [
      { id: 'a1', r: 1 },
      { id: 'a2', r: 3 },
      { id: 'a3', r: 3 },
    ];
    const b = [
      { id: 'b1', r: 0 },
      { id: 'b2', r: 3 },
      { id: 'b3', r: 9 },
    ];
    const c: Item[] = [];
    const out: string[] = [];
    for await (const { item, source } of mergeSorted(
      [a, b, c].map((p) => partitionSource(p, undefined, reads)),
      byR,
    ))
      out.push(`${item.id}@${source}`);
    expect(out).toEqual(['b1@1', 'a1@0', 'a2@0', 'a3@0', 'b2@1', 'b3@1']);
  });

  it('reads a source only as far as the merge takes it', async () => {
    const reads = { count: 0 };
    const long = Array.from({ length: 30 }, (_, i) => ({ id: `l${i}`, r: i }));
    const merged = mergeSorted([partitionSource(long, undefined, reads), partitionSource([{ id: 's', r: 100 }], undefined, reads)], byR);
    for await (const { item } of merged) if (item.r === 4) break;
    // First page of each (3 + 1 items), then one more page of the long one: never the other 24 items.
    expect(reads.count).toBe(3);
  });
});

describe('takeMerged: paging a sharded index', () => {
  it('never skips or repeats an item, with many ties across and within partitions and empty partitions', async () => {
    const random = seeded(26);
    for (const [count, shards, limit] of [
      [0, 3, 5],
      [1, 9, 1],
      [50, 9, 7],
      [200, 8, 24],
      [73, 2, 100],
      [40, 16, 3],
    ] as const) {
      const partitions: Item[][] = Array.from({ length: shards }, () => []);
      for (let i = 0; i < count; i++) {
        const item = { id: `p${i}`, r: Math.floor(random() * 6) };
        partitions[Math.floor(random() * shards)]!.push(item);
      }
      // Each partition sorted by r; ties keep insertion order (DynamoDB promises no order among ties: any will do).
      for (const p of partitions) p.sort(byR);
      const pages = await pageThrough(partitions, limit);
      const ids = pages.flat().map((i) => i.id);
      expect(new Set(ids).size, `${count} items in ${shards} shards, limit ${limit}`).toBe(ids.length);
      expect(ids.sort()).toEqual(
        partitions
          .flat()
          .map((i) => i.id)
          .sort(),
      );
      const rs = pages.flat().map((i) => i.r);
      expect(rs).toEqual([...rs].sort((x, y) => x - y));
      // Every page but the last is full, and the last is not empty unless there is nothing at all.
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
      if (count > 0) expect(pages.at(-1)!.length).toBeGreaterThan(0);
    }
  });

  it('says whether more follows without taking it: an exact fit ends with more = false', async () => {
    const partitions = [
      [
        { id: 'a', r: 1 },
        { id: 'b', r: 2 },
      ],
      [
        { id: 'c', r: 1 },
        { id: 'd', r: 5 },
      ],
    ];
    const reads = { count: 0 };
    const first = await takeMerged(
      partitions.map((p) => partitionSource(p, undefined, reads)),
      byR,
      2,
      [undefined, undefined],
      (i) => ({ id: i.id }),
    );
    expect(first.items.map((i) => i.id)).toEqual(['a', 'c']);
    expect(first).toMatchObject({ more: true, starts: [{ id: 'a' }, { id: 'c' }] });
    const second = await takeMerged(
      partitions.map((p, i) => partitionSource(p, first.starts[i], reads)),
      byR,
      2,
      first.starts,
      (i) => ({ id: i.id }),
    );
    expect(second.items.map((i) => i.id)).toEqual(['b', 'd']);
    expect(second.more).toBe(false);
  });
});

describe('shard keys', () => {
  it('are stable, in range and spread ids over every shard', () => {
    expect(shardOf('p-0001', 8)).toBe(shardOf('p-0001', 8));
    const counts = new Array(8).fill(0);
    for (let i = 0; i < 8_000; i++) counts[shardOf(`p-${i}`, 8)]++;
    for (const n of counts) expect(n).toBeGreaterThan(800);
    expect(listAllKey('p-1')).toMatch(/^ALL#[0-7]$/);
    expect(listAllPartitions()).toContain(listAllKey('p-1'));
    expect(listAllPartitions()).toContain('ALL');
  });

  it('keep an order in its shard number through every status', () => {
    const orderId = 'ord_0000abc123';
    const n = statusShardKey('PLACED', orderId).split('#')[1];
    expect(statusShardKey('SHIPPED', orderId)).toBe(`SHIPPED#${n}`);
    expect(statusPartitions('SHIPPED')).toContain(statusShardKey('SHIPPED', orderId));
  });
});
