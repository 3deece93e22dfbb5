import { describe, expect, it } from 'vitest';
import { adoptRequestId, requestIdFrom, safeRequestId } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request id', () => {
  it('accepts up to 64 letters, digits, "-", "_" and "=" (CloudFront ids end in base64 padding)', () => {
    expect(safeRequestId('abc-DEF_123')).toBe('abc-DEF_123');
    expect(safeRequestId('x'.repeat(64))).toBe('x'.repeat(64));
    expect(safeRequestId('2Hc9ZdBvgpwEXZFiGdTs5RPiWJkx-9bUzbwDH-zSEE6i_JKgsr7lGw==')).toBe('2Hc9ZdBvgpwEXZFiGdTs5RPiWJkx-9bUzbwDH-zSEE6i_JKgsr7lGw==');
    expect(safeRequestId('  padded  ')).toBe('padded');
  });

  it('refuses anything else: too long, empty, spaces, quotes, newlines, separators, non-ASCII', () => {
    for (const bad of ['x'.repeat(65), '', '   ', 'a b', 'a"b', 'a\nb', 'a;b', 'a,b', 'a/b', 'a.b', '<script>', 'ünïcode', '${jndi:ldap://x}']) {
      expect(safeRequestId(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(safeRequestId(null)).toBeUndefined();
    expect(safeRequestId(undefined)).toBeUndefined();
  });

  it("prefers the caller's x-request-id, then CloudFront's x-amz-cf-id, then mints a UUID", () => {
    expect(requestIdFrom(new Headers({ 'x-request-id': 'caller-1', 'x-amz-cf-id': 'cf-1' }))).toBe('caller-1');
    expect(requestIdFrom(new Headers({ 'x-request-id': 'bad id', 'x-amz-cf-id': 'cf-1' }))).toBe('cf-1');
    expect(requestIdFrom(new Headers())).toMatch(UUID);
    expect(requestIdFrom(new Headers({ 'x-request-id': 'x'.repeat(65) }))).toMatch(UUID);
    expect(requestIdFrom(new Headers())).not.toBe(requestIdFrom(new Headers()));
  });

  it('middleware: writes the decided id on the forwarded headers, replacing an unsafe one', () => {
    const safe = new Headers({ 'x-request-id': 'keep-me' });
    expect(adoptRequestId(safe)).toBe('keep-me');
    expect(safe.get('x-request-id')).toBe('keep-me');

    const hostile = new Headers({ 'x-request-id': '"},{"level":"error","msg":"forged' });
    const id = adoptRequestId(hostile);
    expect(id).toMatch(UUID);
    expect(hostile.get('x-request-id')).toBe(id);
  });
});
