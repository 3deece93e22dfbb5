'use server';

import { redirect } from 'next/navigation';
import { unsubscribeWithToken } from '@/server/alerts';

// A POST, never the GET of the email link: mail scanners follow links, and must not unsubscribe anyone.
export async function unsubscribe(form: FormData): Promise<void> {
  const token = form.get('t');
  const ok = typeof token === 'string' && (await unsubscribeWithToken(token));
  redirect(`/alerts/unsubscribe?${ok ? 'done=1' : 'invalid=1'}`);
}
