import { describe, expect, it } from 'vitest';
import { securityHeadersFor } from './security-headers';

describe('the checkout page CSP', () => {
  it('allows connections to exactly the payment processor’s origin on /checkout, and keeps the nonce', () => {
    const csp = securityHeadersFor(new URL('http://127.0.0.1:3000/checkout'), false).response['Content-Security-Policy']!;
    expect(csp).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:8006;/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  });
  it('leaves every other page at connect-src self', () => {
    for (const path of ['/', '/cart', '/checkout/other', '/orders']) {
      expect(securityHeadersFor(new URL(`http://127.0.0.1:3000${path}`), false).response['Content-Security-Policy']).toContain("connect-src 'self';");
    }
  });
});
