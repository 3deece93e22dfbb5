import { type ApiResult, apiRequest } from '@/components/api/api-request';
import type { Cart } from '@/server/cart/contract';

// The browser side of the cart routes. Every answer that carries a cart is the server's priced truth; the
// header badge hears about it through one window event, so islands stay independent of each other.

export const CART_CHANGED_EVENT = 'storefront:cart-changed';

export function announceCartChange(itemCount: number): void {
  window.dispatchEvent(new CustomEvent<number>(CART_CHANGED_EVENT, { detail: itemCount }));
}

export async function cartRequest(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<Cart>> {
  const result = await apiRequest<Cart>(path, { method, body });
  if (result.ok) announceCartChange(result.data.itemCount);
  return result;
}
