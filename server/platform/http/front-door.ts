import { MAX_JSON_BODY_BYTES, MAX_PAGE_BODY_BYTES } from './body-limits';
import { isUnderPath, normaliseRoutePath } from './route-paths';
import { API_CONTENT_SECURITY_POLICY, baseSecurityHeaders } from './security-headers';

// What the HTTP server in front of Next refuses before Next sees the request (local/next-server.ts), because Next
// cannot do it itself (issue 19.7, 19.8):
// - TRACE, TRACK and CONNECT: a fetch Request cannot carry them, so Next's middleware adapter throws and the
//   answer is a 500 with a stack trace in the log. CloudFront allows none of them (docs/deploy.md).
// - A declared Content-Length over any route's limit: Next buffers the whole body after middleware and before the
//   route, so a client that declares 100 kB and sends 16 bytes would hold the request until the server's timeout.
// - A path with a malformed percent-escape (`/p/%ff`): Next's router throws decoding it and answers a bare 500
//   text/plain without our headers (issue 30 L4). It is the client's mistake: 400 in the shop's shape.
// Pure (method, path, headers in; status, headers, body out) so it is unit-tested without a server. Every refusal
// carries the security headers middleware would have added (it never runs for these).

const FETCH_FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const ALLOW = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT';

type FrontDoorRefusal = { status: number; headers: Record<string, string>; body: string };

function refusal(api: boolean, status: number, code: string, message: string, headers: Record<string, string> = {}): FrontDoorRefusal {
  const body = api ? JSON.stringify({ error: { code, message } }) : `${message}\n`;
  const contentType = api ? 'application/json' : 'text/plain; charset=utf-8';
  const length = String(new TextEncoder().encode(body).byteLength);
  const security = { ...baseSecurityHeaders({ dev: false, publicHost: false }), 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY };
  return { status, headers: { ...security, 'Content-Type': contentType, 'Content-Length': length, 'Cache-Control': 'no-store', ...headers }, body };
}

/** Whether every percent-escape of the path decodes (UTF-8 included): what Next's router requires. */
export function hasMalformedEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** The answer for a request the server must refuse before Next, or null to hand it to Next. */
export function frontDoorRefusal(method: string | undefined, url: string | undefined, contentLength: string | undefined): FrontDoorRefusal | null {
  let pathname = '/';
  try {
    pathname = new URL(url ?? '/', 'http://front-door').pathname;
  } catch {
    // An unparsable target: Next answers it (400); the method and length checks still apply.
  }
  const api = isUnderPath(normaliseRoutePath(pathname), '/api');
  if (FETCH_FORBIDDEN_METHODS.has((method ?? '').toUpperCase())) {
    return refusal(api, 405, 'METHOD_NOT_ALLOWED', `${method} is not allowed.`, { Allow: ALLOW });
  }
  if (hasMalformedEscape(pathname)) return refusal(api, 400, 'BAD_REQUEST', 'The address has a malformed percent-escape.');
  const limit = api ? MAX_JSON_BODY_BYTES : MAX_PAGE_BODY_BYTES;
  if (contentLength !== undefined && Number(contentLength) > limit) {
    // Connection: close, so the unread body is dropped with the connection instead of read to the end.
    return refusal(api, 413, 'PAYLOAD_TOO_LARGE', `The body must be at most ${limit} bytes.`, { Connection: 'close' });
  }
  return null;
}
