import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { queryAll, queryItems } from './paginate';

// Reads of a write-sharded index (ADR 0033): the same Query on each partition, in parallel, merged in sort order.
// Each partition comes back sorted by the index's range key, so a k-way merge of their heads is the index's order
// across all of them. A page remembers, per partition, the key of the last item it took from it: the next page
// starts each partition right after that (or from its start if it gave nothing yet: every item it holds then sorts
// after everything already shown), so no item is skipped or repeated whatever the ties between partitions.

type Key = Record<string, unknown>;

/**
 * Merges sorted sources into one sorted sequence, each item with the index of the source it came from. Ties go
 * to the lower source index. Reads a source only when its head was taken; closes every source when done.
 */
export async function* mergeSorted<T>(sources: readonly AsyncIterable<T>[], compare: (a: T, b: T) => number): AsyncGenerator<{ item: T; source: number }> {
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  try {
    const heads = await Promise.all(iterators.map((it) => it.next()));
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i]!;
        if (head.done) continue;
        const bestHead = heads[best];
        if (!bestHead || bestHead.done || compare(head.value, bestHead.value) < 0) best = i;
      }
      const chosen = heads[best];
      if (!chosen || chosen.done) return;
      yield { item: chosen.value, source: best };
      heads[best] = await iterators[best]!.next();
    }
  } finally {
    await Promise.all(iterators.map((it) => it.return?.()));
  }
}

export type MergedPage<T> = {
  items: T[];
  /** Per partition, where the next page starts (ExclusiveStartKey), or undefined: from its first item. */
  starts: (Key | undefined)[];
  /** Another item follows the page. */
  more: boolean;
};

/**
 * Takes `limit` items from merged sources and where each source stands after them; `more` says whether one more
 * item exists (it is read, not taken).
 */
export async function takeMerged<T>(
  sources: readonly AsyncIterable<T>[],
  compare: (a: T, b: T) => number,
  limit: number,
  starts: readonly (Key | undefined)[],
  keyOf: (item: T, source: number) => Key,
): Promise<MergedPage<T>> {
  const items: T[] = [];
  const next = [...starts];
  let more = false;
  for await (const { item, source } of mergeSorted(sources, compare)) {
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(item);
    next[source] = keyOf(item, source);
  }
  return { items, starts: next, more };
}

/**
 * One page of a Query over several partitions merged in sort order. `input(partition)` is the Query of one
 * partition (its key condition and filter); each partition starts at `starts[i]`. A partition is first asked for
 * about twice its share of the page, and for a whole page only if the merge drains it.
 */
export async function queryMergedPage<T extends Key>(q: {
  partitions: readonly string[];
  input: (partition: string) => Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>;
  starts?: readonly (Key | undefined)[];
  limit: number;
  compare: (a: T, b: T) => number;
  keyOf: (item: T, partition: string) => Key;
}): Promise<MergedPage<T>> {
  const starts = q.starts ?? q.partitions.map(() => undefined);
  // Twice its even share: the hash spreads items evenly on average, not within every page, and each refill is a
  // round trip the page waits for (the bench: ~1/3 of the shards needed one at the even share).
  // Never more than the page itself: a category listing (one partition) reads `limit + 1` as it always did.
  const firstLimit = Math.min(q.limit + 1, Math.ceil((2 * (q.limit + 1)) / q.partitions.length) + 2);
  const sources = q.partitions.map((partition, i) =>
    queryItems<T>({ ...q.input(partition), ExclusiveStartKey: starts[i] }, { firstLimit, nextLimit: q.limit + 1 }),
  );
  return takeMerged(sources, q.compare, q.limit, starts, (item, i) => q.keyOf(item, q.partitions[i]!));
}

/** Every item of a Query over several partitions (all pages of each, in parallel), in no particular order. */
export async function queryAllPartitions<T>(partitions: readonly string[], input: (partition: string) => QueryCommandInput): Promise<T[]> {
  return (await Promise.all(partitions.map((p) => queryAll<T>(input(p))))).flat();
}

/** Every item of a Query over several partitions, merged in sort order, read lazily (stop whenever you like). */
export function queryMerged<T>(
  partitions: readonly string[],
  input: (partition: string) => Omit<QueryCommandInput, 'Limit'>,
  compare: (a: T, b: T) => number,
  pageSize = 100,
): AsyncGenerator<{ item: T; source: number }> {
  return mergeSorted(
    partitions.map((p) => queryItems<T>(input(p), { firstLimit: pageSize, nextLimit: pageSize })),
    compare,
  );
}
