'use client';

import { FormField } from '@/components/forms/form-field';
import { AccountActionForm } from './account-action-form';
import type { AccountFormState } from './account-form-state';

type Action = (prev: AccountFormState, form: FormData) => Promise<AccountFormState>;

export function ProfileForm({ action, name, email }: { action: Action; name: string; email: string }) {
  return (
    <AccountActionForm action={action} labels={{ name: 'Name' }}>
      {({ id, errors, pending }) => (
        <>
          <FormField id={id('email')} label="Email address" type="email" value={email} readOnly hint="Your sign-in email cannot be changed here." />
          <FormField id={id('name')} name="name" label="Name" autoComplete="name" maxLength={100} defaultValue={name} error={errors.name} />
          <div>
            <button type="submit" className="button" disabled={pending}>
              {pending ? 'Saving…' : 'Save name'}
            </button>
          </div>
        </>
      )}
    </AccountActionForm>
  );
}
