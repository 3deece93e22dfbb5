// The request id: one per request, ours. Middleware decides it (CloudFront's id when it is safe, so one id links CDN
// and app logs, else a new UUID) and forwards it to the page or route handler in an internal header that it first
// strips from the client's request (server/platform/http/internal-headers.ts). A client's own `x-request-id` is never adopted:
// it is kept apart, sanitised, as `clientRequestId` on the access log line (issue 19.10), a correlation aid only.

/** The response header with our id, and the header a client may send its own id in. */
export const REQUEST_ID_HEADER = 'x-request-id';
/** Middleware → page or route handler: our id, and the client's. Set only by middleware (internal headers). */
export const FORWARDED_REQUEST_ID_HEADER = 'x-storefront-request-id';
const FORWARDED_CLIENT_REQUEST_ID_HEADER = 'x-storefront-client-request-id';
/** CloudFront's id for the request (also `x-edge-request-id` in its access logs and `X-Amz-Cf-Id` in the response). */
export const CDN_REQUEST_ID_HEADER = 'x-amz-cf-id';

// Letters, digits, '-', '_' and '=' (CloudFront ids end in base64 padding), at most 64: nothing that can break a
// JSON line, a header or a log query, and short enough that a hostile caller cannot bloat every line.
const SAFE_ID = /^[A-Za-z0-9_=-]{1,64}$/;

type RequestIds = { requestId: string; clientRequestId?: string };

/** The value when it is a safe request id, otherwise undefined. */
export function safeRequestId(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return SAFE_ID.test(trimmed) ? trimmed : undefined;
}

export function mintRequestId(): string {
  return globalThis.crypto.randomUUID();
}

/** Ours: CloudFront's `x-amz-cf-id` if safe, else a new UUID; the client's `x-request-id` (if safe) beside it. */
function decideRequestIds(incoming: Headers): RequestIds {
  const requestId = safeRequestId(incoming.get(CDN_REQUEST_ID_HEADER)) ?? mintRequestId();
  const clientRequestId = safeRequestId(incoming.get(REQUEST_ID_HEADER));
  return clientRequestId ? { requestId, clientRequestId } : { requestId };
}

/**
 * route(): the ids middleware forwarded; for a handler reached without middleware (tests, a matcher gap) they are
 * decided here the same way.
 */
export function requestIdsFrom(headers: Headers): RequestIds {
  const forwarded = safeRequestId(headers.get(FORWARDED_REQUEST_ID_HEADER));
  if (!forwarded) return decideRequestIds(headers);
  const clientRequestId = safeRequestId(headers.get(FORWARDED_CLIENT_REQUEST_ID_HEADER));
  return clientRequestId ? { requestId: forwarded, clientRequestId } : { requestId: forwarded };
}

/**
 * Middleware: decides the ids and writes them on the headers forwarded to the page or route handler (after the
 * internal headers were stripped, so nothing the client sent survives under these names). Returns our id, which
 * the response carries as `X-Request-Id`.
 */
export function adoptRequestId(forwardedHeaders: Headers): string {
  const { requestId, clientRequestId } = decideRequestIds(forwardedHeaders);
  forwardedHeaders.set(FORWARDED_REQUEST_ID_HEADER, requestId);
  if (clientRequestId) forwardedHeaders.set(FORWARDED_CLIENT_REQUEST_ID_HEADER, clientRequestId);
  else forwardedHeaders.delete(FORWARDED_CLIENT_REQUEST_ID_HEADER);
  return requestId;
}
