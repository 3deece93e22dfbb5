import 'server-only';
import { cookies, headers } from 'next/headers';
import type { AccountFormState } from '@/components/account/account-form-state';
import type { CookieToSet, SessionUser } from '@/server/identity';
import { getConfig } from '@/server/platform/config';
import { isAppError } from '@/server/platform/errors';
import { clientAddressBucket } from '@/server/platform/http/client-address';
import type { CookieJar } from '@/server/platform/http/cookies';
import { accountPageUser } from './account-user';

// The plumbing the /account server actions share: the verified user (or the sign-in page), the request's cookie
// jar and address bucket for server/account, cookies set on the answer, and an AppError turned into form state.
// Next itself refuses a server action whose Origin is not this host (its CSRF check), as assertSameOrigin does for
// the JSON routes.

export function actionUser(next: string): Promise<SessionUser> {
  return accountPageUser(next);
}

export async function actionJar(): Promise<CookieJar> {
  const jar = await cookies();
  return { get: (name) => jar.get(name)?.value };
}

export async function actionAddressBucket(): Promise<string> {
  return clientAddressBucket(await headers(), getConfig().TRUSTED_PROXY_HOPS);
}

export async function setActionCookies(list: CookieToSet[]): Promise<void> {
  const jar = await cookies();
  for (const c of list) jar.set(c.name, c.value, c.options);
}

/** Known failures become messages on the form; anything else is thrown to the error page. */
export function formStateFrom(err: unknown): AccountFormState {
  if (!isAppError(err)) throw err;
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(err.details)) {
    for (const d of err.details as { path?: unknown; message?: unknown }[]) {
      const field = typeof d.path === 'string' ? d.path.split('.').pop() : undefined;
      if (field && typeof d.message === 'string' && !(field in fieldErrors)) fieldErrors[field] = d.message;
    }
  }
  return { fieldErrors, formError: Object.keys(fieldErrors).length > 0 ? undefined : err.message };
}

/** Form fields as a plain object of strings (empty ones left out). */
export function fieldsOf(form: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}
