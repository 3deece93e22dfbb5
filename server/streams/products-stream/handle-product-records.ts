import { notifyAlertsForProductChanges } from '../../alerts';
import { recountCategories } from '../../catalog';
import { expireTags, tagsForProductChange } from '../../platform/cache';
import { applySearchIndexChanges, type SearchIndexChange, scheduleSearchSnapshot } from '../../search';
import type { ProductChange } from './product-change';

// What a batch of product changes means for this process: the search index follows them, the cached
// catalog reads they touch are expired, and shoppers waiting for a restock or a lower price are emailed. Everything here is idempotent, because stream delivery is
// at-least-once (a retried batch, or a replay after a lost iterator, applies the same changes again).

export async function handleProductRecords(changes: readonly ProductChange[]): Promise<void> {
  if (changes.length === 0) return;
  const indexChanges: SearchIndexChange[] = changes.map((c) => (c.newImage ? { type: 'upsert', record: c.newImage } : { type: 'remove', id: c.productId }));
  const tags = new Set<string>();
  for (const c of changes) {
    // Old and new category both: a product moving between categories leaves one listing and joins another.
    const categories = new Set([c.oldImage?.category, c.newImage?.category].filter((s): s is string => !!s));
    for (const tag of tagsForProductChange(c.productId, [...categories])) tags.add(tag);
  }
  // Expire the tags even if the index update fails, then rethrow so the batch is retried.
  let indexError: unknown;
  try {
    await applySearchIndexChanges(indexChanges);
  } catch (err) {
    indexError = err;
  }
  // One call per batch: a burst of checkouts touching the same products expires each tag once.
  await expireTags([...tags]);
  if (indexError) throw indexError;
  // A snapshot of the index follows, debounced (docs/search.md, "Snapshots in S3"); no-op without a bucket.
  scheduleSearchSnapshot();
  // Category counters (what the category list shows): recounted where a product joined, left or was
  // (un)published, once per category per batch; a stock or price change leaves them alone.
  await recountCategories(categoriesWhoseCountMayMove(changes));
  // Last: an alert failure retries the batch, and everything before it is idempotent too.
  await notifyAlertsForProductChanges(changes);
}

function categoriesWhoseCountMayMove(changes: readonly ProductChange[]): string[] {
  const out = new Set<string>();
  for (const { oldImage, newImage } of changes) {
    const listed = (image: typeof oldImage) => (image && image.published !== false ? image.category : null);
    const before = listed(oldImage);
    const after = listed(newImage);
    if (before === after) continue;
    if (before) out.add(before);
    if (after) out.add(after);
  }
  return [...out];
}
