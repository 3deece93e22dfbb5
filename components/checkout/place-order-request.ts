import type { QuoteAnswer } from './use-checkout-quote';

export type PlaceOrderAnswer =
  | { ok: true; orderId: string }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      fieldErrors: Record<string, string>;
      shortLines: { productId: string; variantId: string; requested: number; available: number }[];
      /** CART_CHANGED: the order as it now stands, to review and confirm again. */
      changedQuote: QuoteAnswer | null;
    };

/** POST /api/checkout with the attempt's Idempotency-Key; a retry of the same attempt sends the same key. */
export async function placeOrderRequest(body: unknown, idempotencyKey: string): Promise<PlaceOrderAnswer> {
  try {
    const res = await fetch('/api/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    const data = (await res.json().catch(() => null)) as
      | { order?: { id: string }; error?: { code?: string; message?: string; details?: unknown } }
      | null;
    if (res.ok && data?.order) return { ok: true, orderId: data.order.id };
    const error = data?.error;
    const fieldErrors: Record<string, string> = {};
    let shortLines: Extract<PlaceOrderAnswer, { ok: false }>['shortLines'] = [];
    let changedQuote: QuoteAnswer | null = null;
    if (Array.isArray(error?.details)) {
      for (const d of error.details as { path?: string; message?: string }[]) {
        // "shippingAddress.postalCode" → "postalCode": the form's field names are the last path segment.
        const field = d.path?.split('.').pop();
        if (field && d.message && !fieldErrors[field]) fieldErrors[field] = d.message;
      }
    } else if (error?.details && typeof error.details === 'object' && 'lines' in error.details) {
      shortLines = (error.details as { lines: typeof shortLines }).lines;
    } else if (error?.code === 'CART_CHANGED' && error.details && typeof error.details === 'object' && 'quote' in error.details) {
      changedQuote = (error.details as { quote: QuoteAnswer }).quote;
    }
    return { ok: false, status: res.status, code: error?.code ?? 'ERROR', message: error?.message ?? 'Something went wrong. Please try again.', fieldErrors, shortLines, changedQuote };
  } catch {
    return { ok: false, status: 0, code: 'NETWORK', message: 'We could not reach the shop. Your order was not confirmed; try again.', fieldErrors: {}, shortLines: [], changedQuote: null };
  }
}
