'use client';

import { FormField } from '@/components/forms/form-field';
import { AccountActionForm } from './account-action-form';
import type { AccountFormState } from './account-form-state';

type Action = (prev: AccountFormState, form: FormData) => Promise<AccountFormState>;

/** Yes/no radios rather than one checkbox: an unticked checkbox sends nothing, so "no" could not be told apart. */
export function MarketingConsentForm({ action, granted, at }: { action: Action; granted: boolean; at: string | null }) {
  return (
    <AccountActionForm action={action} labels={{}}>
      {({ pending }) => (
        <>
          <fieldset>
            <legend>Marketing emails about offers and new products</legend>
            <label>
              <input type="radio" name="marketingConsent" value="yes" defaultChecked={granted} /> Yes, send them to me
            </label>
            <br />
            <label>
              <input type="radio" name="marketingConsent" value="no" defaultChecked={!granted} /> No, thank you
            </label>
          </fieldset>
          {at ? <p>Last changed {new Date(at).toUTCString()}.</p> : null}
          <div>
            <button type="submit" className="button" disabled={pending}>
              {pending ? 'Saving…' : 'Save preference'}
            </button>
          </div>
        </>
      )}
    </AccountActionForm>
  );
}

/** No choice made yet leaves both radios unticked: the page says what happens without one. */
export function AnalyticsConsentForm({ action, granted, at }: { action: Action; granted: boolean | null; at: string | null }) {
  return (
    <AccountActionForm action={action} labels={{}}>
      {({ pending }) => (
        <>
          <fieldset>
            <legend>Shop analytics of the pages you view and what you buy</legend>
            <label>
              <input type="radio" name="analyticsConsent" value="yes" defaultChecked={granted === true} /> Yes, count my visits
            </label>
            <br />
            <label>
              <input type="radio" name="analyticsConsent" value="no" defaultChecked={granted === false} /> No, leave me out
            </label>
          </fieldset>
          {at ? (
            <p>Last changed {new Date(at).toUTCString()}.</p>
          ) : (
            <p>Not chosen yet: visits are counted unless your browser sends Global Privacy Control or Do Not Track.</p>
          )}
          <div>
            <button type="submit" className="button" disabled={pending}>
              {pending ? 'Saving…' : 'Save analytics preference'}
            </button>
          </div>
        </>
      )}
    </AccountActionForm>
  );
}

export function DeleteAccountForm({ action }: { action: Action }) {
  return (
    <AccountActionForm action={action} labels={{ password: 'Password' }}>
      {({ id, errors, pending }) => (
        <>
          <FormField
            id={id('password')}
            name="password"
            label="Your password"
            type="password"
            autoComplete="current-password"
            maxLength={256}
            hint="Type your password to confirm. This cannot be undone."
            error={errors.password}
          />
          <div>
            <button type="submit" className="button" disabled={pending}>
              {pending ? 'Deleting…' : 'Delete my account'}
            </button>
          </div>
        </>
      )}
    </AccountActionForm>
  );
}
