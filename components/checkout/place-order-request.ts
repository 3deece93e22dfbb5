import { apiRequest, type FieldErrors, fieldErrorsFrom } from '@/components/api/api-request';
import type { QuoteAnswer } from './use-checkout-quote';

type ShortLine = { productId: string; variantId: string; requested: number; available: number };

export type PlaceOrderAnswer =
  | { ok: true; orderId: string }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      fieldErrors: FieldErrors;
      shortLines: ShortLine[];
      /** CART_CHANGED: the order as it now stands, to review and confirm again. */
      changedQuote: QuoteAnswer | null;
      /** AUTHENTICATION_REQUIRED: the issuer's 3-D Secure challenge to open. */
      nextActionUrl: string | null;
    };

function detailsField(details: unknown, key: string): unknown {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return undefined;
  return (details as Record<string, unknown>)[key];
}

function shortLinesFrom(details: unknown): ShortLine[] {
  const lines = detailsField(details, 'lines');
  return Array.isArray(lines) ? (lines as ShortLine[]) : [];
}

function nextActionUrlFrom(details: unknown): string | null {
  const next = detailsField(details, 'nextAction');
  const url = next && typeof next === 'object' ? (next as { url?: unknown }).url : undefined;
  // Only an http(s) URL is followed: the page navigates there.
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url : null;
}

/** POST /api/checkout with the attempt's Idempotency-Key; a retry of the same attempt sends the same key. */
export async function placeOrderRequest(body: unknown, idempotencyKey: string): Promise<PlaceOrderAnswer> {
  const result = await apiRequest<{ order: { id: string } }>('/api/checkout', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } });
  if (result.ok) return { ok: true, orderId: result.data.order.id };
  // Unreachable means unknown, not refused: say so, since the same key may yet have placed the order.
  const message = result.status === 0 ? 'We could not reach the shop. Your order was not confirmed; try again.' : result.message;
  const quote = result.code === 'CART_CHANGED' ? detailsField(result.details, 'quote') : undefined;
  return {
    ok: false,
    status: result.status,
    code: result.code,
    message,
    fieldErrors: fieldErrorsFrom(result.details),
    shortLines: shortLinesFrom(result.details),
    changedQuote: quote && typeof quote === 'object' ? (quote as QuoteAnswer) : null,
    nextActionUrl: nextActionUrlFrom(result.details),
  };
}
