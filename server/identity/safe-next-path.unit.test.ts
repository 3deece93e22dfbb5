import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('the ?next= target after signing in', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNextPath('/orders')).toBe('/orders');
    expect(safeNextPath('/orders/o-1?tab=items#top')).toBe('/orders/o-1?tab=items#top');
    expect(safeNextPath(['/checkout', '/evil'])).toBe('/checkout');
  });

  it('refuses anything that could leave the site', () => {
    const attacks = [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      'evil.example',
      ' /orders',
      `/${'a'.repeat(3000)}`,
    ];
    for (const raw of attacks) expect(safeNextPath(raw), JSON.stringify(raw)).toBe('/');
  });

  it('keeps encoded slashes as a path on this site', () => {
    expect(safeNextPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });

  it('falls back for a missing value, the sign-in pages themselves and API URLs', () => {
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath('')).toBe('/');
    expect(safeNextPath('/sign-in?next=/orders')).toBe('/');
    expect(safeNextPath('/sign-up')).toBe('/');
    expect(safeNextPath('/api/me')).toBe('/');
    expect(safeNextPath('/evil', '/account')).toBe('/evil');
    expect(safeNextPath('//evil', '/account')).toBe('/account');
  });
});
