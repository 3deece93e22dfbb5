import { type ApiResult, apiRequest } from '@/components/api/api-request';
import type { Flag, FlagAuditEntry } from '@/server/flags/contract';

// The admin screen's calls to /api/admin/flags (API.md), from the browser. A 409 carries the flag as it now is in
// its details, so the screen can catch up instead of overwriting.

/** The current flag from a 409 VERSION_CONFLICT's details, when the server sent it. */
export function currentFlagFrom(details: unknown): Flag | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const current = (details as { current?: unknown }).current;
  return typeof current === 'object' && current !== null && 'key' in current && 'version' in current ? (current as Flag) : undefined;
}

const base = (key: string) => `/api/admin/flags/${encodeURIComponent(key)}`;

export type FlagPatchBody = Partial<Pick<Flag, 'enabled' | 'rolloutPercent' | 'audience'>> & { expectedVersion: number };

export function patchFlag(key: string, body: FlagPatchBody): Promise<ApiResult<Flag>> {
  return apiRequest<Flag>(base(key), { method: 'PATCH', body });
}

export function revertFlagTo(key: string, entryId: string, expectedVersion: number): Promise<ApiResult<Flag>> {
  return apiRequest<Flag>(`${base(key)}/revert`, { method: 'POST', body: { entryId, expectedVersion } });
}

export type HistoryPage = { entries: FlagAuditEntry[]; nextCursor: string | null };

export function fetchHistory(key: string, cursor?: string): Promise<ApiResult<HistoryPage>> {
  const query = new URLSearchParams({ limit: '10', ...(cursor ? { cursor } : {}) });
  return apiRequest<HistoryPage>(`${base(key)}/history?${query}`);
}
