'use server';

import { redirect } from 'next/navigation';
import { confirmRestockWithToken } from '@/server/alerts';

// A POST, never the GET of the email link: mail scanners follow links, and must not confirm for the owner.
export async function confirmAlert(form: FormData): Promise<void> {
  const token = form.get('t');
  const ok = typeof token === 'string' && (await confirmRestockWithToken(token));
  redirect(`/alerts/confirm?${ok ? 'done=1' : 'invalid=1'}`);
}
