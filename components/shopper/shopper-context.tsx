'use client';

import { usePathname } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import { type ShopperNeeds, type ShopperSummary, shopperQuery } from '@/server/shopper/contract';

// The shopper of a cached catalog page, read in the browser because the HTML is the same for everyone
// (server/platform/http/catalog-pages.ts). ONE no-store read per page view (ADR 0028): the islands say what they
// need (useShopperNeeds: the hearts the wishlist, a product page its product's recommendations and recently viewed),
// their effects run before this provider's in the same commit, and the provider then asks GET /api/shopper once for
// the union. An island that mounts later and needs something the answer lacks makes it ask again (the e2e test
// counts the calls, so that stays the exception). null until it has answered (or if it could not).

type Registry = { register: (needs: ShopperNeeds) => () => void };

/** The answer and the product it was asked for: a product page's parts must not show the previous product's. */
type Answer = { summary: ShopperSummary; productId: string | null };

const ShopperContext = createContext<Answer | null>(null);
const RegistryContext = createContext<Registry>({ register: () => () => {} });

/** Sign-in and sign-out announce it, so the header follows without a navigation. */
export const SHOPPER_CHANGED_EVENT = 'storefront:shopper-changed';

export function announceShopperChange(): void {
  window.dispatchEvent(new Event(SHOPPER_CHANGED_EVENT));
}

export function ShopperProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const needs = useRef(new Set<ShopperNeeds>());
  /** The query of the last read asked for this page view; null forces the next one. */
  const asked = useRef<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    const query = shopperQuery(needs.current);
    if (query === asked.current) return;
    asked.current = query;
    inFlight.current?.abort();
    const abort = new AbortController();
    inFlight.current = abort;
    const result = await apiRequest<ShopperSummary>(`/api/shopper${query}`, { signal: abort.signal }).catch(() => null);
    if (result?.ok && !abort.signal.aborted) setAnswer({ summary: result.data, productId: new URLSearchParams(query).get('productId') });
  }, []);

  // After the current task: every island of the commit has registered by then, so one read covers them all.
  const schedule = useCallback(
    (force: boolean) => {
      if (force) asked.current = null;
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void load();
      }, 0);
    },
    [load],
  );

  const registry = useMemo<Registry>(
    () => ({
      register: (need) => {
        needs.current.add(need);
        schedule(false);
        return () => void needs.current.delete(need);
      },
    }),
    [schedule],
  );

  // Again on every navigation: a sign-in or sign-out page moves on with the router, and the layout stays mounted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => {
    schedule(true);
  }, [schedule, pathname]);
  useEffect(() => {
    const onChange = () => schedule(true);
    window.addEventListener(SHOPPER_CHANGED_EVENT, onChange);
    return () => {
      window.removeEventListener(SHOPPER_CHANGED_EVENT, onChange);
      inFlight.current?.abort();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      asked.current = null;
    };
  }, [schedule]);

  return (
    <RegistryContext.Provider value={registry}>
      <ShopperContext.Provider value={answer}>{children}</ShopperContext.Provider>
    </RegistryContext.Provider>
  );
}

/** The shopper summary, as far as the base goes (name, cart count, flags). */
export function useShopper(): ShopperSummary | null {
  return useContext(ShopperContext)?.summary ?? null;
}

/**
 * The shopper summary for an island that needs an optional part: declares the need for as long as it is mounted,
 * so the page's one read includes it. `parts` and `productId` are compared by value.
 */
export function useShopperNeeds(parts: ShopperNeeds['parts'], productId?: string): ShopperSummary | null {
  const { register } = useContext(RegistryContext);
  const key = `${parts.join(',')}|${productId ?? ''}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is parts and productId by value
  useEffect(() => register({ parts, productId }), [register, key]);
  const answer = useContext(ShopperContext);
  if (!answer) return null;
  // Until this page's answer arrives, the last page's: fine for the hearts (same shopper), not for another product's parts.
  if (parts.some((p) => p !== 'wishlist') && answer.productId !== (productId ?? null)) {
    return { ...answer.summary, recentlyViewed: undefined, recommendations: undefined };
  }
  return answer.summary;
}
