// The one way browser islands call the BFF (`/api/...`): JSON in and out, same-origin cookies, never cached, and
// every failure — an error envelope, a proxy's HTML page, a dropped connection — turned into one ApiResult shape.

/** The error envelope every `/api` route answers (server/platform/http/respond.ts). */
export type ApiErrorBody = { error: { code: string; message: string; details?: unknown } };

export type ApiFailure = {
  ok: false;
  /** 0 when the shop could not be reached at all. */
  status: number;
  code: string;
  message: string;
  details?: unknown;
};

export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

export type ApiRequestInit = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

const UNREACHABLE = 'We could not reach the shop. Check your connection and try again.';
const GENERIC = 'Something went wrong. Please try again.';

function errorFrom(parsed: unknown): ApiErrorBody['error'] | undefined {
  const error = (parsed as Partial<ApiErrorBody> | null | undefined)?.error;
  return typeof error === 'object' && error !== null ? error : undefined;
}

/** A form's field name → its first message, from VALIDATION_FAILED details (`[{ path, message }]`). */
export type FieldErrors = Record<string, string>;

/**
 * Per-field messages from an error's details. The key is the last path segment ("shippingAddress.postalCode" →
 * "postalCode"), which is how the forms name their inputs; the first message per field wins, since one clear
 * instruction beats a list. Anything that is not VALIDATION_FAILED's list gives no field errors.
 */
export function fieldErrorsFrom(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!Array.isArray(details)) return errors;
  for (const item of details) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const field = path.split('.').pop();
    if (field && !(field in errors)) errors[field] = message;
  }
  return errors;
}

export async function apiRequest<T>(path: string, init: ApiRequestInit = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: init.signal,
    });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    return { ok: false, status: 0, code: 'NETWORK', message: UNREACHABLE };
  }
  const text = await res.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page: the generic message below.
  }
  if (res.ok) return { ok: true, status: res.status, data: parsed as T };
  const error = errorFrom(parsed);
  return { ok: false, status: res.status, code: error?.code ?? 'ERROR', message: error?.message ?? GENERIC, details: error?.details };
}
