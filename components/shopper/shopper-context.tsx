'use client';

import { usePathname } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import type { ShopperSummary } from '@/server/shopper';

// The shopper of a cached catalog page, read in the browser (GET /api/shopper, no-store) because the HTML is the same
// for everyone (server/platform/http/catalog-pages.ts). One read per navigation, shared by every island through this context:
// the header's name and cart count, the flag-gated sections. null until it has answered (or if it could not).

const ShopperContext = createContext<ShopperSummary | null>(null);

/** Sign-in and sign-out announce it, so the header follows without a navigation. */
export const SHOPPER_CHANGED_EVENT = 'storefront:shopper-changed';

export function announceShopperChange(): void {
  window.dispatchEvent(new Event(SHOPPER_CHANGED_EVENT));
}

export function ShopperProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [shopper, setShopper] = useState<ShopperSummary | null>(null);
  const load = useCallback(async (signal?: AbortSignal) => {
    const result = await apiRequest<ShopperSummary>('/api/shopper', { signal }).catch(() => null);
    if (result?.ok) setShopper(result.data);
  }, []);
  // Again on every navigation: a sign-in or sign-out page moves on with the router, and the layout stays mounted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [load, pathname]);
  useEffect(() => {
    const onChange = () => void load();
    window.addEventListener(SHOPPER_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(SHOPPER_CHANGED_EVENT, onChange);
  }, [load]);
  return <ShopperContext.Provider value={shopper}>{children}</ShopperContext.Provider>;
}

export function useShopper(): ShopperSummary | null {
  return useContext(ShopperContext);
}
