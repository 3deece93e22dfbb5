import { type ApiResult, apiRequest } from '@/components/api/api-request';
import type { Promotion, PromotionAuditEntry } from '@/server/promotions';

// The /admin/promotions screen's calls to /api/admin/promotions (API.md), from the browser. A 409 on a stale
// version carries the promotion as it now is, so the screen can catch up instead of overwriting.

export function currentPromotionFrom(details: unknown): Promotion | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const current = (details as { current?: unknown }).current;
  return typeof current === 'object' && current !== null && 'code' in current && 'version' in current ? (current as Promotion) : undefined;
}

const base = (code: string) => `/api/admin/promotions/${encodeURIComponent(code)}`;

export function createPromotionRequest(body: Record<string, unknown>): Promise<ApiResult<Promotion>> {
  return apiRequest<Promotion>('/api/admin/promotions', { method: 'POST', body });
}

export function patchPromotion(code: string, body: Record<string, unknown> & { expectedVersion: number }): Promise<ApiResult<Promotion>> {
  return apiRequest<Promotion>(base(code), { method: 'PATCH', body });
}

export type PromotionHistoryPage = { entries: PromotionAuditEntry[]; nextCursor: string | null };

export function fetchPromotionHistory(code: string, cursor?: string): Promise<ApiResult<PromotionHistoryPage>> {
  const query = new URLSearchParams({ limit: '10', ...(cursor ? { cursor } : {}) });
  return apiRequest<PromotionHistoryPage>(`${base(code)}/history?${query}`);
}
