'use client';

import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useId, useRef } from 'react';
import { ErrorSummary, type SummaryProblem } from '@/components/forms/error-summary';
import { type AccountFormState, EMPTY_FORM_STATE } from './account-form-state';
import styles from './account-forms.module.css';

// One /account form around a server action: a plain form post before hydration, useActionState after. Problems
// show in the error summary, each linking to its field (ids `${base}-${field}`); a success says so in a polite
// live region. `children` renders the fields from the ids and the current errors.
// Once hydrated the submit goes through onSubmit rather than the form's action: React resets a form after its
// action runs, which would wipe what the shopper typed whenever the server answers with field errors. The fields
// are cleared only after a success (a changed password must not stay in the form).

type Action = (prev: AccountFormState, form: FormData) => Promise<AccountFormState>;
type Fields = (f: { id: (field: string) => string; errors: Record<string, string>; pending: boolean }) => ReactNode;

export function AccountActionForm({ action, labels, children }: { action: Action; labels: Record<string, string>; children: Fields }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.done) formRef.current?.reset();
  }, [state]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
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
      <form ref={formRef} className={styles.form} action={formAction} onSubmit={submit} noValidate>
        {children({ id, errors: state.fieldErrors, pending })}
      </form>
    </>
  );
}
