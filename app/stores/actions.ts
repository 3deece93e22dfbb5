'use server';

import { redirect } from 'next/navigation';
import { rememberMyStore } from '@/server/locations';

// "Set as my store" on /stores: a plain form post (works before hydration). The cookie is a preference anyone may
// set to any store; an unknown id changes nothing. Back to the same search, with a fixed status in the URL.

export async function setMyStoreAction(form: FormData): Promise<void> {
  const storeId = form.get('storeId');
  const q = form.get('q');
  const saved = typeof storeId === 'string' && storeId.length <= 64 && (await rememberMyStore(storeId));
  const params = new URLSearchParams();
  if (typeof q === 'string' && q.trim()) params.set('q', q.trim().slice(0, 200));
  params.set('status', saved ? 'store-saved' : 'store-not-saved');
  redirect(`/stores?${params}`);
}
