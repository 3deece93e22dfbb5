import type { Flag, FlagAuditEntry } from '@/server/flags/flag-model';

// The admin screen's calls to /api/admin/flags (API.md), from the browser. Every failure comes back as a value the
// card can show; a 409 carries the flag as it now is, so the screen can catch up instead of overwriting.

export type ApiFailure = { ok: false; status: number; code: string; message: string; current?: Flag };
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

type ErrorBody = { error?: { code?: string; message?: string; details?: unknown } };

function currentFrom(details: unknown): Flag | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const current = (details as { current?: unknown }).current;
  return typeof current === 'object' && current !== null && 'key' in current && 'version' in current ? (current as Flag) : undefined;
}

async function call<T>(method: 'GET' | 'PATCH' | 'POST', url: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, code: 'NETWORK', message: 'We could not reach the shop. Check your connection and try again.' };
  }
  let parsed: unknown;
  try {
    parsed = await res.json();
  } catch {
    parsed = undefined;
  }
  if (res.ok) return { ok: true, data: parsed as T };
  const error = (parsed as ErrorBody | undefined)?.error;
  return {
    ok: false,
    status: res.status,
    code: error?.code ?? 'UNKNOWN',
    message: error?.message ?? 'Something went wrong. Please try again.',
    current: currentFrom(error?.details),
  };
}

const base = (key: string) => `/api/admin/flags/${encodeURIComponent(key)}`;

export type FlagPatchBody = Partial<Pick<Flag, 'enabled' | 'rolloutPercent' | 'audience'>> & { expectedVersion: number };

export function patchFlag(key: string, body: FlagPatchBody): Promise<ApiResult<Flag>> {
  return call('PATCH', base(key), body);
}

export function revertFlagTo(key: string, entryId: string, expectedVersion: number): Promise<ApiResult<Flag>> {
  return call('POST', `${base(key)}/revert`, { entryId, expectedVersion });
}

export type HistoryPage = { entries: FlagAuditEntry[]; nextCursor: string | null };

export function fetchHistory(key: string, cursor?: string): Promise<ApiResult<HistoryPage>> {
  const query = new URLSearchParams({ limit: '10', ...(cursor ? { cursor } : {}) });
  return call('GET', `${base(key)}/history?${query}`);
}
