import { describe, expect, it } from 'vitest';
import { hashedPageContentSecurityPolicy, securityHeadersFor } from './security-headers';

// The card fields post to the payment processor's origin (docs/payments.md). Next's client-side navigations keep
// the first document's CSP, so every page allows exactly that one origin beside 'self' in connect-src.
describe('the payment processor in connect-src', () => {
  it('is allowed on /checkout with the nonce kept', () => {
    const csp = securityHeadersFor(new URL('http://127.0.0.1:3000/checkout'), false).response['Content-Security-Policy']!;
    expect(csp).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:8006;/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  });
  it('is the only other origin on the pages a shopper navigates from, dynamic and cached', () => {
    for (const path of ['/cart', '/orders', '/sign-in']) {
      expect(securityHeadersFor(new URL(`http://127.0.0.1:3000${path}`), false).response['Content-Security-Policy']).toContain(
        "connect-src 'self' http://127.0.0.1:8006;",
      );
    }
    expect(hashedPageContentSecurityPolicy(['abc'], { dev: false, loopback: true } as never)).toContain("connect-src 'self' http://127.0.0.1:8006;");
  });
});
