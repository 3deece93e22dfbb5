// The 3-D Secure round trip of the checkout page: before the browser leaves for the issuer's challenge (the
// processor's page), the attempt is parked in sessionStorage — its Idempotency-Key and the body, which holds the
// token and the address, never a card — and when the challenge sends the shopper back to /checkout with
// `payment_challenge`, the page sends that same body under that same key, so the order is placed once (or the
// processor's refusal is shown). A parked attempt older than the challenge's lifetime is dropped.

const STORAGE_KEY = 'checkout:pending-payment';
const MAX_AGE_MS = 15 * 60_000;

export type ParkedAttempt = { idempotencyKey: string; body: Record<string, unknown>; parkedAt: number };

export function parkAttempt(idempotencyKey: string, body: Record<string, unknown>): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ idempotencyKey, body, parkedAt: Date.now() } satisfies ParkedAttempt));
}

/** The parked attempt, when this page load is the return from a challenge; it is removed from storage either way. */
export function takeReturningAttempt(): ParkedAttempt | null {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('payment_challenge')) return null;
  // The return parameters are spent: a reload must not send the order again.
  url.searchParams.delete('payment_challenge');
  url.searchParams.delete('outcome');
  window.history.replaceState(null, '', url.pathname + url.search);
  const raw = sessionStorage.getItem(STORAGE_KEY);
  sessionStorage.removeItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const parked = JSON.parse(raw) as ParkedAttempt;
    return Date.now() - parked.parkedAt < MAX_AGE_MS ? parked : null;
  } catch {
    return null;
  }
}
