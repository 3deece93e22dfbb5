import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { money } from '../../platform/money';
import { decodeCursor, encodeCursor, listQuery } from '../../platform/pagination';
import { toAdminProduct } from './edit-product';
import type { AdminProduct, EditorActor } from './product-edit-model';
import { type AdminScanRecord, readProductRecord, readProductsForAdmin } from './product-edit-store';
import { assertProductEditor } from './product-editors';

// The admin page's catalog reads: search every product (published or not) and read one for its edit form.
// Always live from DynamoDB, never through the shoppers' cache: a marketer must see the version they will edit.

export const adminProductQuerySchema = z.object({ q: z.string().trim().max(200).default(''), ...listQuery });

export type AdminProductRow = {
  id: string;
  slug: string;
  name: string;
  category: string;
  published: boolean;
  version: number;
  featuredRank: number;
  price: ReturnType<typeof money>;
  stock: number;
};

const offsetCursor = z.object({ o: z.number().int().min(0), q: z.string() });

function matches(r: AdminScanRecord, words: string[]): boolean {
  const text = `${r.name} ${r.slug} ${r.id} ${r.brand} ${r.category}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

/** Every word of `q` in the name, slug, id, brand or category; by name. Pages by offset within the same query. */
export async function searchAdminProducts(
  actor: EditorActor,
  query: z.infer<typeof adminProductQuerySchema>,
): Promise<{ items: AdminProductRow[]; nextCursor: string | null }> {
  assertProductEditor(actor);
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  let offset = 0;
  if (query.cursor) {
    const c = decodeCursor(query.cursor, offsetCursor);
    if (c.q !== query.q) throw new AppError('INVALID_CURSOR', 'The cursor belongs to another search. Start again from the first page.');
    offset = c.o;
  }
  const found = (await readProductsForAdmin()).filter((r) => matches(r, words)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const page = found.slice(offset, offset + query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      category: r.category,
      published: r.published !== false,
      version: r.version ?? 0,
      featuredRank: r.featuredRank,
      price: money(r.minPrice, r.currency),
      stock: r.variants.reduce((n, v) => n + Math.max(0, r.stock[v.id] ?? 0), 0),
    })),
    nextCursor: offset + query.limit < found.length ? encodeCursor({ o: offset + query.limit, q: query.q }) : null,
  };
}

export async function getAdminProduct(actor: EditorActor, id: string): Promise<AdminProduct> {
  assertProductEditor(actor);
  const record = await readProductRecord(id);
  if (!record) throw new AppError('NOT_FOUND', `There is no product "${id}".`);
  return toAdminProduct(record);
}
