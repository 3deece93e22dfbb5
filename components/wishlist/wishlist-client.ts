import { apiRequest } from '@/components/api/api-request';
import type { Wishlist } from '@/server/wishlist/contract';

// One browser-side copy of "which products are on my list", shared by every heart on the page: a grid of 24 cards
// asks GET /api/wishlist once, not 24 times. Cached catalog HTML never carries it; it is always this no-store read.

type State = { ids: ReadonlySet<string>; loaded: boolean };

let state: State = { ids: new Set(), loaded: false };
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: State): void {
  state = next;
  for (const l of listeners) l();
}

export function subscribeWishlist(listener: () => void): () => void {
  listeners.add(listener);
  if (!loading) {
    loading = apiRequest<Wishlist>('/api/wishlist').then((r) => {
      if (r.ok) set({ ids: new Set(r.data.items.map((i) => i.productId)), loaded: true });
      else loading = null; // try again with the next heart that mounts
    });
  }
  return () => listeners.delete(listener);
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
