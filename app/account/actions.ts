'use server';

import { redirect } from 'next/navigation';
import type { AccountFormState } from '@/components/account/account-form-state';
import {
  accountPatchBody,
  addAddress,
  changeAccountPassword,
  deleteAccount,
  deleteAddress,
  newAddressBody,
  updateAccount,
  updateAddress,
} from '@/server/account';
import { changePasswordBody, deleteAccountBody } from '@/server/identity';
import { AppError } from '@/server/platform/errors';
import { actionAddressBucket, actionJar, actionUser, fieldsOf, formStateFrom, setActionCookies } from './account-action-support';

// The /account forms' server actions: they work as plain form posts before the page has hydrated, and each checks
// the session itself. Thin: validation and rules live in server/account and server/identity.

const ADDRESS_FIELDS = ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }): AccountFormState {
  return formStateFrom(
    new AppError('VALIDATION_FAILED', 'Check the highlighted fields.', {
      details: error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    }),
  );
}

export async function saveProfile(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await actionUser('/account');
  const parsed = accountPatchBody.safeParse({ name: form.get('name') });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { cookies } = await updateAccount(user, await actionJar(), parsed.data);
    await setActionCookies(cookies);
    return { done: 'Your name is saved.', fieldErrors: {} };
  } catch (err) {
    return formStateFrom(err);
  }
}

export async function saveMarketingConsent(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await actionUser('/account/privacy');
  const granted = form.get('marketingConsent') === 'yes';
  try {
    await updateAccount(user, await actionJar(), { marketingConsent: granted });
    return { done: granted ? 'You will get our marketing emails.' : 'You will not get marketing emails.', fieldErrors: {} };
  } catch (err) {
    return formStateFrom(err);
  }
}

export async function saveAnalyticsConsent(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await actionUser('/account/privacy');
  const answer = form.get('analyticsConsent');
  if (answer !== 'yes' && answer !== 'no') return formStateFrom(new AppError('VALIDATION_FAILED', 'Choose yes or no.'));
  try {
    await updateAccount(user, await actionJar(), { analyticsConsent: answer === 'yes' });
    return { done: answer === 'yes' ? 'Your visits will be counted.' : 'Your visits will not be counted.', fieldErrors: {} };
  } catch (err) {
    return formStateFrom(err);
  }
}

export async function addAddressAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await actionUser('/account/addresses');
  const parsed = newAddressBody.safeParse({ ...fieldsOf(form, ADDRESS_FIELDS), isDefault: form.get('isDefault') === 'yes' });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await addAddress(user.id, parsed.data.address, { isDefault: parsed.data.isDefault });
  } catch (err) {
    return formStateFrom(err);
  }
  redirect('/account/addresses?saved=1');
}

export async function editAddressAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const id = String(form.get('id') ?? '');
  const user = await actionUser(`/account/addresses/${encodeURIComponent(id)}`);
  const fields = fieldsOf(form, ADDRESS_FIELDS);
  try {
    await updateAddress(user.id, id, { ...fields, line2: fields.line2 || null, ...(form.get('isDefault') === 'yes' ? { isDefault: true } : {}) });
  } catch (err) {
    return formStateFrom(err);
  }
  redirect('/account/addresses?saved=1');
}

export async function makeDefaultAddressAction(form: FormData): Promise<void> {
  const user = await actionUser('/account/addresses');
  await updateAddress(user.id, String(form.get('id') ?? ''), { isDefault: true });
  redirect('/account/addresses');
}

export async function deleteAddressAction(form: FormData): Promise<void> {
  const user = await actionUser('/account/addresses');
  await deleteAddress(user.id, String(form.get('id') ?? ''));
  redirect('/account/addresses?deleted=1');
}

export async function changePasswordAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await actionUser('/account/security');
  const parsed = changePasswordBody.safeParse({ currentPassword: form.get('currentPassword'), newPassword: form.get('newPassword') });
  if (!parsed.success) return invalid(parsed.error);
  try {
    // This session is re-issued (every other one is signed out): its new cookies replace the old.
    await setActionCookies(await changeAccountPassword(user, await actionJar(), parsed.data));
    return { done: 'Your password is changed. You are signed out everywhere else. We sent you an email about it.', fieldErrors: {} };
  } catch (err) {
    return formStateFrom(err);
  }
}

export async function deleteAccountAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await actionUser('/account/privacy');
  const parsed = deleteAccountBody.safeParse({ password: form.get('password') });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const cleared = await deleteAccount(user, await actionJar(), { password: parsed.data.password, address: await actionAddressBucket() });
    await setActionCookies(cleared);
  } catch (err) {
    return formStateFrom(err);
  }
  redirect('/?accountDeleted=1');
}
