import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { decodeCursor, encodeCursor } from '.';

const schema = z.object({ id: z.string(), r: z.number() });

describe('cursor', () => {
  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor({ id: 'p1', r: 3 }), schema)).toEqual({ id: 'p1', r: 3 });
  });

  it.each([
    ['not base64url', '%%%'],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['wrong shape', encodeCursor({ id: 5 })],
    ['too long', 'a'.repeat(5000)],
  ])('rejects a cursor that is %s with INVALID_CURSOR', (_label, cursor) => {
    try {
      decodeCursor(cursor, schema);
      expect.unreachable('decodeCursor accepted a bad cursor');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('INVALID_CURSOR');
      expect((err as AppError).status).toBe(400);
    }
  });
});
