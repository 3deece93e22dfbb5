import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Buyer, createBuyers } from './support/cognito-buyers';
import { answeredInTime, thaw, whileFrozen } from './support/freeze';
import { browserRequest, callRoute } from './support/request-scope';

// Fault suite (issue 19, item 2): cognito-local frozen with SIGSTOP during sign-in. Proves: POST /api/auth/sign-in
// answers 503 UNAVAILABLE with Retry-After within the hang bound (the Cognito client's request timeout and retry
// budget, server/platform/aws/clients.ts) rather than holding the shopper's form, sets no session cookie, and the same
// credentials sign in again after SIGCONT.

vi.mock('next/headers', async () => (await import('./support/request-scope')).nextHeadersStub);
const signInRoute = await import('@/app/api/auth/sign-in/route');

let buyer: Buyer;
beforeAll(async () => {
  [buyer] = (await createBuyers(1, 'frozen-cognito')) as [Buyer];
});
afterEach(() => thaw('cognito'));

// From an address of its own (what the server's peer-address hook stamps): other suites' failed sign-ins from
// requests with no address share the `unknown` bucket, and this test is about Cognito, not the limits.
const signIn = () =>
  callRoute(
    signInRoute.POST,
    browserRequest('POST', '/api/auth/sign-in', {
      body: { email: buyer.email, password: buyer.password },
      headers: { 'x-storefront-peer-address': '198.51.100.23' },
    }),
    undefined,
  );

describe('sign-in with Cognito frozen', () => {
  it('answers 503 with Retry-After instead of hanging, sets no session, and signs in after SIGCONT', async () => {
    // The same credentials work while Cognito answers, so the 503 below is the outage, not a wrong password.
    const healthy = await signIn();
    expect(healthy.status, JSON.stringify(healthy.body)).toBe(200);
    expect(healthy.headers.getSetCookie().some((c) => c.startsWith('sf_at='))).toBe(true);

    const frozen = await whileFrozen('cognito', () => answeredInTime('POST /api/auth/sign-in', signIn()));
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(503);
    expect(frozen.body).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    expect(Number(frozen.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(frozen.headers.getSetCookie()).toEqual([]);

    const after = await signIn();
    expect(after.status, JSON.stringify(after.body)).toBe(200);
  }, 60_000);
});
