'use server';

import { refresh } from 'next/cache';
import { getSessionUser } from '@/server/identity';
import { isAppError } from '@/server/platform/errors';
import { type ProductFormState, submitProductForm } from './product-form';

// The product form's server action: checks the verified session itself (a server action is a public endpoint), then
// hands the form to the catalog domain, which checks the group, the version and the stock counts.
export async function saveProductForm(previous: ProductFormState, form: FormData): Promise<ProductFormState> {
  const user = await getSessionUser();
  if (!user) return { ...previous, step: 'edit', problems: [{ message: 'Your session has ended. Sign in again to save changes.' }] };
  try {
    const next = await submitProductForm(user, form);
    // The page's history list is rendered on the server: re-render it with the new entry.
    if (next.step === 'saved') refresh();
    return next;
  } catch (err) {
    if (isAppError(err) && err.status < 500) return { ...previous, step: 'edit', problems: [{ message: err.message }] };
    throw err;
  }
}
