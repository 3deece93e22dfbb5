import type { ProductRecord } from '../contract';

// Decides whether an import must rewrite a product. Skipping identical items saves write capacity and keeps the
// products stream (search index, cache expiry) quiet on a re-import of the same file.

/** JSON with object keys sorted, so two equal items compare equal whatever order DynamoDB returned the map keys in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Compares only the attributes an import writes: attributes other writers add to the item are not a reason to
 * rewrite it. Stock counts are compared too, because the file's stock is what the import promises to set.
 */
export function productChanged(next: ProductRecord, stored: Record<string, unknown> | undefined): boolean {
  if (!stored) return true;
  for (const key of Object.keys(next) as (keyof ProductRecord)[]) {
    if (canonical(next[key]) !== canonical(stored[key])) return true;
  }
  return false;
}
