'use client';

import { type ReactNode, useActionState, useId } from 'react';
import { ErrorSummary, type SummaryProblem } from '@/components/forms/error-summary';
import { type AccountFormState, EMPTY_FORM_STATE } from './account-form-state';
import styles from './account-forms.module.css';

// One /account form around a server action: a plain form post before hydration, useActionState after. Problems
// show in the error summary, each linking to its field (ids `${base}-${field}`); a success says so in a polite
// live region. `children` renders the fields from the ids and the current errors.

type Action = (prev: AccountFormState, form: FormData) => Promise<AccountFormState>;
type Fields = (f: { id: (field: string) => string; errors: Record<string, string>; pending: boolean }) => ReactNode;

export function AccountActionForm({ action, labels, children }: { action: Action; labels: Record<string, string>; children: Fields }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const base = useId();
  const id = (field: string) => `${base}-${field}`;
  const problems: SummaryProblem[] = [
    ...(state.formError ? [{ message: state.formError }] : []),
    ...Object.entries(state.fieldErrors).map(([field, message]) => ({ fieldId: id(field), message: `${labels[field] ?? field}: ${message}` })),
  ];
  return (
    <>
      <ErrorSummary problems={problems} className={styles.summary} />
      <p className={styles.status} role="status">
        {state.done ?? ''}
      </p>
      <form className={styles.form} action={formAction} noValidate>
        {children({ id, errors: state.fieldErrors, pending })}
      </form>
    </>
  );
}
