import type { EditableState } from '@/server/catalog';
import { formatMoney, money } from '@/server/money';

// One audit entry in plain words for the product history. Pure, so server and browser render the same text and
// the wording is unit-tested.

export function describeProductChange(before: EditableState, after: EditableState): string[] {
  const lines: string[] = [];
  if (before.published !== after.published) lines.push(after.published ? 'Published' : 'Unpublished');
  if (before.featuredRank !== after.featuredRank) lines.push(`Featured rank ${before.featuredRank} → ${after.featuredRank}`);
  const old = new Map(before.variants.map((v) => [v.id, v]));
  for (const v of after.variants) {
    const was = old.get(v.id);
    if (!was) continue;
    if (was.price !== v.price) lines.push(`${v.id}: price ${formatMoney(money(was.price))} → ${formatMoney(money(v.price))}`);
    if (was.stock !== v.stock) lines.push(`${v.id}: stock ${was.stock} → ${v.stock}`);
  }
  return lines.length > 0 ? lines : ['No visible change'];
}
