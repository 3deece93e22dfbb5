import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { decodeCursor, encodeCursor, listQuery } from '../../platform/pagination';
import { type EditorActor, PRODUCT_AUDIT_ENTRY_ID_PATTERN, type ProductAuditEntry } from './product-edit-model';
import { queryProductAudit, readProductRecord } from './product-edit-store';
import { assertProductEditor } from './product-editors';

// GET /api/admin/products/[id]/history: one product's audit entries, newest first, paged like every list endpoint.

export const productHistoryQuerySchema = z.object(listQuery);

const cursorSchema = z.object({ e: z.string().regex(PRODUCT_AUDIT_ENTRY_ID_PATTERN) });

export async function productHistory(
  actor: EditorActor,
  productId: string,
  query: z.infer<typeof productHistoryQuerySchema>,
): Promise<{ entries: ProductAuditEntry[]; nextCursor: string | null }> {
  assertProductEditor(actor);
  if (!(await readProductRecord(productId))) throw new AppError('NOT_FOUND', `There is no product "${productId}".`);
  const after = query.cursor ? decodeCursor(query.cursor, cursorSchema).e : undefined;
  const read = await queryProductAudit(productId, query.limit + 1, after);
  const entries = read.slice(0, query.limit);
  const last = entries.at(-1);
  return { entries, nextCursor: read.length > query.limit && last ? encodeCursor({ e: last.entryId }) : null };
}
