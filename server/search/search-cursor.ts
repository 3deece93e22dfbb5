import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../platform/errors';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import type { SearchParams } from './contract';

// Search pages are positions in a ranked list, so the cursor is an offset plus a fingerprint of the question
// it belongs to: a cursor replayed with another query, filter or sort is refused instead of silently skipping
// into a different list. The page size is not part of the fingerprint, so a client may change `limit`.

const cursorSchema = z.object({
  o: z.number().int().min(1).max(10_000_000),
  f: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
});

/** What a search asks: the text, its filters and the resolved sort (never the page size or cursor). */
export type SearchQuestion = Pick<SearchParams, 'q' | 'category' | 'minPrice' | 'maxPrice' | 'minRating' | 'inStock'> & {
  sort: string;
  brand?: readonly string[];
  size?: readonly string[];
  colour?: readonly string[];
};

export function searchFingerprint(question: SearchQuestion): string {
  const canonical = JSON.stringify([
    question.q,
    question.category ?? null,
    question.minPrice ?? null,
    question.maxPrice ?? null,
    question.minRating ?? null,
    question.inStock === true,
    question.sort,
    // Only when chosen, so a question without them keeps the fingerprint (and cursors) it always had.
    ...(question.brand?.length || question.size?.length || question.colour?.length ? [question.brand ?? [], question.size ?? [], question.colour ?? []] : []),
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function encodeSearchCursor(offset: number, fingerprint: string): string {
  return encodeCursor({ o: offset, f: fingerprint });
}

/** The offset the cursor points at; INVALID_CURSOR (400) when it is malformed or belongs to another search. */
export function decodeSearchCursor(cursor: string, fingerprint: string): number {
  const decoded = decodeCursor(cursor, cursorSchema);
  if (decoded.f !== fingerprint) {
    throw new AppError('INVALID_CURSOR', 'The cursor belongs to another search. Start again from the first page.');
  }
  return decoded.o;
}
