// The checkout page's one CSP difference (ADR 0006 keeps the per-request nonce): its card fields post the card to
// the payment processor's origin (docs/payments.md), so `connect-src` allows exactly that origin there, and
// nowhere else.

export function withCheckoutConnectSrc(pathname: string, csp: string, processorOrigin: () => string): string {
  if (pathname !== '/checkout') return csp;
  return csp.replace("connect-src 'self'", `connect-src 'self' ${processorOrigin()}`);
}
