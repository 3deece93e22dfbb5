import { createHash } from 'node:crypto';

// A row may omit `id`; the product then gets one derived from its slug, so importing the same file twice updates
// the same items instead of creating duplicates. Carts and orders hold this id, so it must never depend on row order.

export const PRODUCT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export function productIdFromSlug(slug: string): string {
  return `p-${createHash('sha256').update(slug).digest('hex').slice(0, 16)}`;
}
