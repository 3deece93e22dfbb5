import type { Cart } from '@/server/cart/cart-types';

// The browser side of the cart routes. Every answer that carries a cart is the server's priced truth; the
// header badge hears about it through one window event, so islands stay independent of each other.

export type CartResult = { ok: true; cart: Cart } | { ok: false; status: number; code: string; message: string };

export const CART_CHANGED_EVENT = 'storefront:cart-changed';

export function announceCartChange(itemCount: number): void {
  window.dispatchEvent(new CustomEvent<number>(CART_CHANGED_EVENT, { detail: itemCount }));
}

export async function cartRequest(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<CartResult> {
  try {
    const res = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const data: unknown = await res.json().catch(() => null);
    if (res.ok) {
      const cart = data as Cart;
      announceCartChange(cart.itemCount);
      return { ok: true, cart };
    }
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
    return { ok: false, status: res.status, code: error?.code ?? 'ERROR', message: error?.message ?? 'Something went wrong. Please try again.' };
  } catch {
    return { ok: false, status: 0, code: 'NETWORK', message: 'We could not reach the shop. Check your connection and try again.' };
  }
}
