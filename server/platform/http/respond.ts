import 'server-only';
import { z } from 'zod';
import { getConfig } from '../config';
import { AppError, isAppError } from '../errors';
import {
  logger,
  newRequestContext,
  type RequestContext,
  requestIdsFrom,
  runWithRequestContext,
  serverTimingHeader,
  subscribeRedisTiming,
} from '../observability';
import { BODY_IDLE_TIMEOUT_MS, MAX_JSON_BODY_BYTES } from './body-limits';

// The one place errors become HTTP: `{ error: { code, message, details? } }` with the AppError's status.

/** Seconds a client is told to wait after a 503 that names no time of its own. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = '2';

export function jsonError(err: AppError): Response {
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code: err.code, message: err.message },
  };
  if (err.details !== undefined) body.error.details = err.details;
  const headers = new Headers(err.headers);
  // Every 503 says when to come back: clients (and apiRequest) retry on it, and the idempotency key makes that safe.
  if (err.code === 'UNAVAILABLE' && !headers.has('retry-after')) headers.set('Retry-After', UNAVAILABLE_RETRY_AFTER_SECONDS);
  return Response.json(body, { status: err.status, headers });
}

// Failures of a service we call (AWS SDK service errors carry $metadata; network errors carry a code; a request or
// socket timeout of server/platform/aws/clients.ts is a TimeoutError; UnprocessedKeysError is DynamoDB still holding back
// keys after every retry): an outage the client may retry, so 503 rather than a 500 that blames our code.
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const OUTAGE_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'UnprocessedKeysError']);
function isDependencyOutage(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { $metadata?: unknown; code?: unknown; name?: unknown };
  return e.$metadata !== undefined || (typeof e.code === 'string' && OUTAGE_CODES.has(e.code)) || (typeof e.name === 'string' && OUTAGE_NAMES.has(e.name));
}

export function toErrorResponse(err: unknown): Response {
  if (isAppError(err)) return jsonError(err);
  if (err instanceof z.ZodError) return jsonError(validationError(err));
  if (isDependencyOutage(err)) {
    logger.error('dependency failure in route', { err: String(err), name: (err as Error).name });
    return jsonError(new AppError('UNAVAILABLE', 'A service the shop depends on is not answering. Please try again shortly.'));
  }
  // Anything else is our bug or an outage, never the caller's input; log it and say little.
  logger.error('unhandled error in route', { err: String(err), stack: (err as Error)?.stack });
  return jsonError(new AppError('INTERNAL', 'Something went wrong on our side. Please try again.'));
}

export function validationError(err: z.ZodError, message = 'The request is not valid.'): AppError {
  return new AppError('VALIDATION_FAILED', message, {
    details: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response> | Response;

subscribeRedisTiming();

/**
 * Wraps a route handler so every thrown error leaves through toErrorResponse, inside a request context
 * (server/platform/observability): log lines and AWS calls carry the request id (the one middleware forwarded, or one
 * decided here for a handler called without middleware), and the response gets `X-Request-Id` and a
 * `Server-Timing` summary of the downstream calls.
 */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    const { requestId, clientRequestId } = requestIdsFrom(req.headers);
    const context = newRequestContext(requestId);
    return runWithRequestContext(context, async () => {
      let res: Response;
      try {
        res = await handler(req, ctx);
      } catch (err) {
        res = toErrorResponse(err);
      }
      return finishResponse(req, res, context, clientRequestId);
    });
  };
}

const accessLog = logger.child({ component: 'http' });

function finishResponse(req: Request, res: Response, context: RequestContext, clientRequestId: string | undefined): Response {
  const timing = serverTimingHeader(context);
  // Behind SERVER_TIMING (issue 30 I4): the header tells any visitor which back ends answer and how fast.
  const showTiming = getConfig().SERVER_TIMING === 'on';
  const stamp = (headers: Headers) => {
    headers.set('X-Request-Id', context.requestId);
    if (showTiming) headers.set('Server-Timing', timing);
  };
  let out = res;
  try {
    stamp(out.headers);
  } catch {
    // Immutable headers (Response.redirect, a fetched response): same status and body, headers copied.
    out = new Response(res.body, { status: res.status, statusText: res.statusText, headers: new Headers(res.headers) });
    stamp(out.headers);
  }
  const cdnRequestId = req.headers.get('x-amz-cf-id');
  accessLog.info('request', {
    method: req.method,
    path: new URL(req.url).pathname,
    status: out.status,
    durMs: Math.round((performance.now() - context.startedAt) * 10) / 10,
    cdnRequestId: cdnRequestId && cdnRequestId !== context.requestId ? cdnRequestId.slice(0, 64) : undefined,
    // The caller's own x-request-id, beside ours, never instead of it.
    clientRequestId,
  });
  return out;
}

/** Parses URL query parameters with a zod schema; repeated keys keep the last value. */
export function parseQuery<T extends z.ZodType>(req: Request, schema: T, lists: readonly string[] = []): z.infer<T> {
  const search = new URL(req.url).searchParams;
  const params: Record<string, string | string[]> = Object.fromEntries(search.entries());
  // A list parameter is sent once per value (brand=A&brand=B, as a form's ticked checkboxes are); the rest keep one.
  for (const key of lists) if (search.has(key)) params[key] = search.getAll(key);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw validationError(parsed.error, 'The query parameters are not valid.');
  return parsed.data;
}

/** One read of the body, abandoned (and the body cancelled) when nothing arrives for BODY_IDLE_TIMEOUT_MS. */
async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Rejected first: cancelling settles the pending read as `done`, which must not win the race.
      reject(new AppError('REQUEST_TIMEOUT', 'The body stopped arriving before it was complete.'));
      reader.cancel().catch(() => {});
    }, BODY_IDLE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body as text, read only up to `maxBytes`: a declared Content-Length over it is refused before reading; a body
 * without Content-Length (chunked) or with one that understates it is cut off at the limit, never buffered whole;
 * a body that stalls is abandoned after BODY_IDLE_TIMEOUT_MS. Decoded like Request.text() (UTF-8, a leading BOM
 * dropped, invalid bytes as U+FFFD).
 */
async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `The body must be at most ${maxBytes} bytes.`);
  if (Number(req.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await readWithin(reader);
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** Reads and validates a JSON body: 413 past the limit, 400 for malformed JSON or a schema mismatch. */
export async function parseJsonBody<T extends z.ZodType>(req: Request, schema: T, maxBytes = MAX_JSON_BODY_BYTES): Promise<z.infer<T>> {
  const text = await readBodyText(req, maxBytes);
  let data: unknown;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
