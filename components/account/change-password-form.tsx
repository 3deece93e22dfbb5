'use client';

import { FormField } from '@/components/forms/form-field';
import { AccountActionForm } from './account-action-form';
import type { AccountFormState } from './account-form-state';
import { PASSWORD_POLICY_HINT } from './password-policy';

type Action = (prev: AccountFormState, form: FormData) => Promise<AccountFormState>;

export function ChangePasswordForm({ action }: { action: Action }) {
  return (
    <AccountActionForm action={action} labels={{ currentPassword: 'Current password', newPassword: 'New password' }}>
      {({ id, errors, pending }) => (
        <>
          <FormField
            id={id('currentPassword')}
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            maxLength={256}
            error={errors.currentPassword}
          />
          <FormField
            id={id('newPassword')}
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            maxLength={256}
            hint={PASSWORD_POLICY_HINT}
            error={errors.newPassword}
          />
          <div>
            <button type="submit" className="button" disabled={pending}>
              {pending ? 'Changing…' : 'Change password'}
            </button>
          </div>
        </>
      )}
    </AccountActionForm>
  );
}
