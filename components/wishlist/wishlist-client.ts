import { apiRequest } from '@/components/api/api-request';
import type { Wishlist } from '@/server/wishlist/contract';

// One browser-side copy of "which products are on my list", shared by every heart on the page. Cached catalog HTML
// never carries it: the ids arrive in the page's one shopper read (GET /api/shopper?include=wishlist, ADR 0028) and
// the hearts seed this store with them; a toggle then replaces them with the server's list from its own answer.

type State = { ids: ReadonlySet<string>; loaded: boolean };

let state: State = { ids: new Set(), loaded: false };
let seeded: readonly string[] | null = null;
const listeners = new Set<() => void>();

function set(next: State): void {
  state = next;
  for (const l of listeners) l();
}

export function subscribeWishlist(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The ids from a shopper summary; the same answer seen by 24 hearts is applied once. */
export function seedWishlist(productIds: readonly string[]): void {
  if (productIds === seeded) return;
  seeded = productIds;
  set({ ids: new Set(productIds), loaded: true });
}

export const wishlistSnapshot = (): State => state;

const serverState: State = { ids: new Set(), loaded: false };
export const wishlistServerSnapshot = (): State => serverState;

/** Optimistic toggle; the server's list replaces the guess, and a refusal restores what was there. */
export async function toggleWishlist(productId: string, on: boolean): Promise<{ ok: boolean; message?: string }> {
  const before = state;
  const ids = new Set(state.ids);
  if (on) ids.add(productId);
  else ids.delete(productId);
  set({ ids, loaded: state.loaded });
  const result = on
    ? await apiRequest<Wishlist>('/api/wishlist/items', { method: 'POST', body: { productId } })
    : await apiRequest<Wishlist>(`/api/wishlist/items/${encodeURIComponent(productId)}`, { method: 'DELETE' });
  if (!result.ok) {
    set(before);
    return { ok: false, message: result.message };
  }
  set({ ids: new Set(result.data.items.map((i) => i.productId)), loaded: true });
  return { ok: true };
}
