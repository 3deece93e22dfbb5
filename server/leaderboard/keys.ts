// Where the leaderboard lives, in DynamoDB (the truth) and in Redis (the fast copy). docs/top-sellers.md explains
// the design; change a key here and every reader, writer and test follows.

/** Redis sorted set: member = productId, score = units sold (absolute, copied from DynamoDB). */
export const LEADERBOARD_KEY = 'leaderboard:top-sellers';

/**
 * Set after a full rebuild from DynamoDB. A Redis that restarted empty has no sentinel, so readers know the set is
 * incomplete (rather than "nothing sold") and take the DynamoDB path until a rebuild has run.
 */
export const LEADERBOARD_BUILT_KEY = 'leaderboard:top-sellers:built';

/**
 * Counters share one partition so "every counter" is a single Query (top N from DynamoDB = read all, sort).
 * Only products that ever sold have a counter, so even a 10k catalog is a few hundred KB: one or two pages.
 */
export const SOLD_PARTITION = 'sold';

export function soldCounterKey(productId: string): { pk: string; sk: string } {
  return { pk: SOLD_PARTITION, sk: productId };
}

/**
 * "This order (or this chunk of a very large order) is already in the counters." Markers spread over one partition
 * per order: they are only ever checked by key inside a transaction, never listed, so a shared partition would buy
 * nothing and concentrate every order's write on one key. The orders table is keyed (userId, orderId), so both are
 * in the key; the chunk index lets orders with more products than one transaction holds count exactly once too.
 */
export function countedMarkerKey(userId: string, orderId: string, chunk: number): { pk: string; sk: string } {
  return { pk: `order#${orderId}`, sk: `counted#${userId}#${chunk}` };
}

/** Durable "Redis missed an update" flag, so a process other than the one that saw the outage repairs it. */
export const REDIS_DIRTY_KEY = { pk: 'leaderboard', sk: 'redis-dirty' } as const;
