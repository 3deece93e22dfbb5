import type { EditableState } from '@/server/catalog';
import { formatMoney, money } from '@/server/platform/money';

// One audit entry in plain words for the product history. Pure, so server and browser render the same text and
// the wording is unit-tested.

/** `labels`: variant id → what shoppers pick ("Orange / M"); an id without one (a removed variant) shows as the id. */
export function describeProductChange(before: EditableState, after: EditableState, labels: ReadonlyMap<string, string> = new Map()): string[] {
  const lines: string[] = [];
  // Content fields exist only on entries written since marketers edit them; absent on either side means unchanged.
  if (before.name !== undefined && after.name !== undefined && before.name !== after.name) lines.push(`Name “${before.name}” → “${after.name}”`);
  if (before.description !== undefined && after.description !== undefined && before.description !== after.description) lines.push('Description edited');
  if (before.images && after.images && JSON.stringify(before.images) !== JSON.stringify(after.images)) {
    const added = after.images.filter((i) => !before.images!.includes(i)).length;
    const removed = before.images.filter((i) => !after.images!.includes(i)).length;
    const parts = [added ? `${added} added` : '', removed ? `${removed} removed` : '', !added && !removed ? 'reordered' : ''].filter(Boolean);
    lines.push(`Images: ${parts.join(', ')}`);
  }
  if (before.published !== after.published) lines.push(after.published ? 'Published' : 'Unpublished');
  if (before.featuredRank !== after.featuredRank) lines.push(`Featured rank ${before.featuredRank} → ${after.featuredRank}`);
  const old = new Map(before.variants.map((v) => [v.id, v]));
  for (const v of after.variants) {
    const was = old.get(v.id);
    if (!was) continue;
    const label = labels.get(v.id) ?? v.id;
    if (was.price !== v.price) lines.push(`${label}: price ${formatMoney(money(was.price))} → ${formatMoney(money(v.price))}`);
    if (was.stock !== v.stock) lines.push(`${label}: stock ${was.stock} → ${v.stock}`);
  }
  return lines.length > 0 ? lines : ['No visible change'];
}
