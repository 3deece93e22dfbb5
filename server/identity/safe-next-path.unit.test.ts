import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

// What a browser does with the answer: resolve it against our origin. Anything else than our origin is a redirect off
// the site, which is what every hostile value below tries to get.
const OUR_ORIGIN = 'https://shop.example';
const landsOn = (next: string) => new URL(next, OUR_ORIGIN).origin;

describe('the ?next= target after signing in', () => {
  it.each([
    ['/orders', '/orders'],
    ['/orders/o-1?tab=items#top', '/orders/o-1?tab=items#top'],
    ['/p/blue-shirt', '/p/blue-shirt'],
    ['/search?q=a%2Fb&sort=price-asc', '/search?q=a%2Fb&sort=price-asc'],
    ['/c/shoes?page=2', '/c/shoes?page=2'],
    ['/checkout', '/checkout'],
    ['/', '/'],
  ])('keeps the path on this site %j as it is', (raw, kept) => {
    expect(safeNextPath(raw)).toBe(kept);
  });

  it('takes the first of repeated ?next= values', () => {
    expect(safeNextPath(['/checkout', '/evil'])).toBe('/checkout');
  });

  const hostile = [
    // Scheme-relative and absolute
    '//evil.example',
    '//evil.example/phish',
    '///evil.example',
    'https://evil.example',
    'http://evil.example/phish',
    'HTTPS://evil.example',
    'https://next-path.invalid/orders',
    'https://shop.example.evil.example/orders',
    'evil.example',
    ' /orders',
    // Dot segments that normalise to `//host`
    '/.//evil.example/phish',
    '/..//evil.example',
    '/./../..//evil.example',
    '/orders/..//evil.example',
    '/%2e%2e//evil.example',
    '/%2E%2E//evil.example',
    '/%2e//evil.example',
    '/.%2e//evil.example',
    // Encoded slashes and backslashes
    '/%2F%2Fevil.example',
    '/%2fevil.example',
    '/%5cevil.example',
    '/%5C%5Cevil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '\\/evil.example',
    // Control characters that URL parsers strip
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    // Other schemes
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '/javascript:alert(1)//%0aevil',
    // Malformed escapes and overlong values
    '/%E0%A4%A',
    '/%',
    `/${'a'.repeat(3000)}`,
    `/${'%2e'.repeat(1000)}`,
  ];

  it.each(hostile.map((raw) => [raw]))('refuses %j and falls back to the home page', (raw) => {
    const next = safeNextPath(raw);
    expect(next).toBe('/');
    expect(landsOn(next)).toBe(OUR_ORIGIN);
  });

  it('never answers with a path a browser would take off the site, whatever the input', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(30);
    for (const raw of hostile) expect(landsOn(safeNextPath(raw, '/account')), JSON.stringify(raw)).toBe(OUR_ORIGIN);
  });

  it('falls back for a missing value, the sign-in pages themselves and API URLs', () => {
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath('')).toBe('/');
    expect(safeNextPath('/sign-in?next=/orders')).toBe('/');
    expect(safeNextPath('/sign-up')).toBe('/');
    expect(safeNextPath('/SIGN-IN')).toBe('/');
    expect(safeNextPath('/%73ign-in')).toBe('/');
    expect(safeNextPath('/api/me')).toBe('/');
    expect(safeNextPath('/evil', '/account')).toBe('/evil');
    expect(safeNextPath('//evil', '/account')).toBe('/account');
  });
});
