import { z } from 'zod';
import { AppError } from '../errors';

// Opaque cursors: base64url JSON. Decoding validates the shape so a forged or stale cursor is a 400, never a
// DynamoDB ValidationException surfacing as a 500.

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(cursor: string, schema: T): z.infer<T> {
  let raw: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw new Error('not base64url');
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('INVALID_CURSOR', 'The cursor is not valid. Start again from the first page.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('INVALID_CURSOR', 'The cursor is not valid. Start again from the first page.');
  return parsed.data;
}

/** Shared query-string fields for every list endpoint (API.md: limit default 24, max 100). */
export const listQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(24),
  cursor: z.string().min(1).max(2048).optional(),
};
