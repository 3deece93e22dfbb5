import { cookies } from 'next/headers';
import { getConfig } from '../platform/config';
import { isLocalPlainHttpSite } from '../platform/config/loopback';
import type { Store } from './contract';
import { STORES } from './stores-data';

// "Set as my store" (issue 27): the shopper's chosen store, remembered in a cookie for a year. It is a preference,
// not a secret and not an identity (any store id may be chosen by anyone), so it is not signed; an id that is not
// a store reads as no store. It is read only by per-shopper pages (/stores, /checkout), never by a cached one.

export const MY_STORE_COOKIE = 'sf_store';
const ONE_YEAR_S = 365 * 24 * 3600;

function storeById(id: string | null | undefined): Store | null {
  return (id && STORES.find((s) => s.id === id)) || null;
}

export async function currentMyStore(): Promise<Store | null> {
  return storeById((await cookies()).get(MY_STORE_COOKIE)?.value);
}

/** Remembers the store; false (and nothing set) when the id names no store. */
export async function rememberMyStore(storeId: string): Promise<boolean> {
  const store = storeById(storeId);
  if (!store) return false;
  (await cookies()).set(MY_STORE_COOKIE, store.id, {
    httpOnly: true,
    secure: !isLocalPlainHttpSite(getConfig().SITE_URL),
    sameSite: 'lax',
    path: '/',
    maxAge: ONE_YEAR_S,
  });
  return true;
}
