import { describe, expect, it } from 'vitest';
import { adoptRequestId, requestIdsFrom, safeRequestId } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request id', () => {
  it('accepts up to 64 letters, digits, "-", "_" and "=" (CloudFront ids end in base64 padding)', () => {
    expect(safeRequestId('abc-DEF_123')).toBe('abc-DEF_123');
    expect(safeRequestId('x'.repeat(64))).toBe('x'.repeat(64));
    expect(safeRequestId('2Hc9ZdBvgpwEXZFiGdTs5RPiWJkx-9bUzbwDH-zSEE6i_JKgsr7lGw==')).toBe('2Hc9ZdBvgpwEXZFiGdTs5RPiWJkx-9bUzbwDH-zSEE6i_JKgsr7lGw==');
    expect(safeRequestId('  padded  ')).toBe('padded');
  });

  it('refuses anything else: too long, empty, spaces, quotes, newlines, separators, non-ASCII', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal Log4Shell-style value, not a template
    for (const bad of ['x'.repeat(65), '', '   ', 'a b', 'a"b', 'a\nb', 'a;b', 'a,b', 'a/b', 'a.b', '<script>', 'ünïcode', '${jndi:ldap://x}']) {
      expect(safeRequestId(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(safeRequestId(null)).toBeUndefined();
    expect(safeRequestId(undefined)).toBeUndefined();
  });

  it("never adopts the caller's x-request-id: ours is CloudFront's x-amz-cf-id or a new UUID, the caller's kept beside it", () => {
    expect(requestIdsFrom(new Headers({ 'x-request-id': 'caller-1', 'x-amz-cf-id': 'cf-1' }))).toEqual({ requestId: 'cf-1', clientRequestId: 'caller-1' });
    const minted = requestIdsFrom(new Headers({ 'x-request-id': 'caller-1' }));
    expect(minted.requestId).toMatch(UUID);
    expect(minted.clientRequestId).toBe('caller-1');
    expect(requestIdsFrom(new Headers({ 'x-request-id': 'bad id' }))).toEqual({ requestId: expect.stringMatching(UUID) });
    expect(requestIdsFrom(new Headers({ 'x-request-id': 'x'.repeat(65) })).clientRequestId).toBeUndefined();
    expect(requestIdsFrom(new Headers()).requestId).not.toBe(requestIdsFrom(new Headers()).requestId);
  });

  it('route(): takes the ids middleware forwarded', () => {
    const forwarded = new Headers({ 'x-storefront-request-id': 'ours-1', 'x-storefront-client-request-id': 'caller-1', 'x-request-id': 'caller-1' });
    expect(requestIdsFrom(forwarded)).toEqual({ requestId: 'ours-1', clientRequestId: 'caller-1' });
  });

  it("middleware: forwards our id and the caller's apart, replacing whatever the caller sent under those names", () => {
    const headers = new Headers({ 'x-request-id': 'keep-me', 'x-storefront-request-id': 'forged', 'x-storefront-client-request-id': 'forged' });
    const id = adoptRequestId(headers);
    expect(id).toMatch(UUID);
    expect(headers.get('x-storefront-request-id')).toBe(id);
    expect(headers.get('x-storefront-client-request-id')).toBe('keep-me');

    const hostile = new Headers({ 'x-request-id': '"},{"level":"error","msg":"forged', 'x-storefront-client-request-id': 'forged' });
    const id2 = adoptRequestId(hostile);
    expect(id2).toMatch(UUID);
    expect(hostile.get('x-storefront-request-id')).toBe(id2);
    expect(hostile.get('x-storefront-client-request-id')).toBeNull();
  });
});
