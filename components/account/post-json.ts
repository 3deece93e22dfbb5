// The account forms' one way to call the auth routes: JSON in, and every failure turned into something a form can
// show — a summary message and per-field messages from VALIDATION_FAILED details. Runs in the browser.

export type FieldErrors = Record<string, string>;

export type PostResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; message: string; fieldErrors: FieldErrors; reason?: string };

type ErrorBody = { error?: { code?: string; message?: string; details?: unknown } };

function fieldErrorsFrom(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!Array.isArray(details)) return errors;
  for (const item of details) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    // First message per field: one clear instruction beats a list.
    if (typeof path === 'string' && typeof message === 'string' && !(path in errors)) errors[path] = message;
  }
  return errors;
}

export async function postJson<T>(url: string, body: unknown): Promise<PostResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: 0, message: 'We could not reach the shop. Check your connection and try again.', fieldErrors: {} };
  }
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page: fall through to the generic message.
  }
  if (res.ok) return { ok: true, status: res.status, data: parsed as T };
  const error = (parsed as ErrorBody | undefined)?.error;
  const details = error?.details;
  const reason =
    typeof details === 'object' && details !== null && !Array.isArray(details) && typeof (details as { reason?: unknown }).reason === 'string'
      ? (details as { reason: string }).reason
      : undefined;
  return {
    ok: false,
    status: res.status,
    message: error?.message ?? 'Something went wrong. Please try again.',
    fieldErrors: fieldErrorsFrom(details),
    reason,
  };
}
