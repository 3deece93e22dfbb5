import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

describe('client address for per-IP limits', () => {
  it('takes the entry our nearest proxy appended, not what the client put in front', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 130.176.0.1' }), 2)).toBe('203.0.113.7');
  });

  it('uses x-real-ip without X-Forwarded-For, and nothing for junk', () => {
    expect(clientIp(new Headers({ 'x-real-ip': '::1' }))).toBe('::1');
    expect(clientIp(new Headers({ 'x-forwarded-for': 'not-an-ip' }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });
});
