import { z } from 'zod';
import { AppError } from '../platform/errors';
import { decodeCursor, encodeCursor, listQuery } from '../platform/pagination';
import type { Promotion } from './contract';
import { assertMarketer, type PromotionActor } from './marketer';
import { getPromotion, listAllPromotions, type PromotionAuditEntry, queryPromotionAudit } from './promotion-store';

// The marketers' reads: every promotion with its redemptions (live, strongly consistent), and one promotion's
// history, newest first, paged like every list endpoint.

export async function listPromotions(actor: PromotionActor): Promise<Promotion[]> {
  assertMarketer(actor);
  return listAllPromotions();
}

export const promotionHistoryQuery = z.object(listQuery);

const cursorSchema = z.object({ e: z.string().regex(/^\d{10}#[0-9TZ:.-]{20,32}$/) });

export async function promotionHistory(
  actor: PromotionActor,
  code: string,
  query: z.infer<typeof promotionHistoryQuery>,
): Promise<{ entries: PromotionAuditEntry[]; nextCursor: string | null }> {
  assertMarketer(actor);
  if (!(await getPromotion(code))) throw new AppError('NOT_FOUND', `There is no promotion ${code}.`);
  const after = query.cursor ? decodeCursor(query.cursor, cursorSchema).e : undefined;
  const read = await queryPromotionAudit(code, query.limit + 1, after);
  const entries = read.slice(0, query.limit);
  const last = entries.at(-1);
  return { entries, nextCursor: read.length > query.limit && last ? encodeCursor({ e: last.entryId }) : null };
}
