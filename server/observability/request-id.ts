// The request id: one per request, taken from the caller when it is safe, otherwise minted. Middleware calls
// adoptRequestId on the headers it forwards, so every route handler and page sees the same `x-request-id`;
// route() runs the same sanitiser again for handlers called without middleware (tests, a matcher gap).

export const REQUEST_ID_HEADER = 'x-request-id';
/** CloudFront's id for the request (also `x-edge-request-id` in its access logs and `X-Amz-Cf-Id` in the response). */
export const CDN_REQUEST_ID_HEADER = 'x-amz-cf-id';

// Letters, digits, '-', '_' and '=' (CloudFront ids end in base64 padding), at most 64: nothing that can break a
// JSON line, a header or a log query, and short enough that a hostile caller cannot bloat every line.
const SAFE_ID = /^[A-Za-z0-9_=-]{1,64}$/;

/** The value when it is a safe request id, otherwise undefined. */
export function safeRequestId(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return SAFE_ID.test(trimmed) ? trimmed : undefined;
}

export function mintRequestId(): string {
  return globalThis.crypto.randomUUID();
}

/** The caller's `x-request-id` if safe, else CloudFront's `x-amz-cf-id` if safe, else a new UUID. */
export function requestIdFrom(headers: Headers): string {
  return safeRequestId(headers.get(REQUEST_ID_HEADER)) ?? safeRequestId(headers.get(CDN_REQUEST_ID_HEADER)) ?? mintRequestId();
}

/**
 * Middleware: decides the request id and writes it on the headers forwarded to the page or route handler (an
 * unsafe incoming value is replaced). Returns it so the response can carry it as `X-Request-Id`.
 */
export function adoptRequestId(forwardedHeaders: Headers): string {
  const id = requestIdFrom(forwardedHeaders);
  forwardedHeaders.set(REQUEST_ID_HEADER, id);
  return id;
}
