'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { type LookupFormState, lookupFromForm } from '@/server/guest-orders';

/** The lookup form's action: to the order on success (this browser now holds its cookie), else the form again. */
export async function lookUpOrder(_previous: LookupFormState, form: FormData): Promise<LookupFormState> {
  const result = await lookupFromForm(form, await headers());
  if ('orderId' in result) redirect(`/orders/${encodeURIComponent(result.orderId)}`);
  return result;
}
