'use client';

import { useActionState, useId } from 'react';
import styles from '@/components/account/account-forms.module.css';
import { ErrorSummary, type SummaryProblem } from '@/components/forms/error-summary';
import { FormField } from '@/components/forms/form-field';
import type { LookupFormState } from '@/server/guest-orders';

// The guest order lookup: a server action form, so it works before (and without) hydration; the action answers
// the field errors or the one "not found" message, or goes to the order.

const EMPTY: LookupFormState = { values: { email: '', orderId: '' }, fieldErrors: {} };
const LABELS = { email: 'Email', orderId: 'Order number' } as const;

export function OrderLookupForm({ action }: { action: (previous: LookupFormState, form: FormData) => Promise<LookupFormState> }) {
  const [state, formAction, pending] = useActionState(action, EMPTY);
  const base = useId();
  const ids = { email: `${base}-email`, orderId: `${base}-order` };
  const problems: SummaryProblem[] = [
    ...(state.message ? [{ message: state.message }] : []),
    ...(['email', 'orderId'] as const).flatMap((f) => (state.fieldErrors[f] ? [{ fieldId: ids[f], message: `${LABELS[f]}: ${state.fieldErrors[f]}` }] : [])),
  ];
  return (
    <>
      <ErrorSummary problems={problems} className={styles.summary} />
      <form className={styles.form} action={formAction} noValidate>
        <FormField
          id={ids.email}
          name="email"
          type="email"
          label={LABELS.email}
          autoComplete="email"
          maxLength={254}
          defaultValue={state.values.email}
          error={state.fieldErrors.email}
        />
        <FormField
          id={ids.orderId}
          name="orderId"
          label={LABELS.orderId}
          hint="It starts with ord_ and is in the subject of your confirmation email."
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          defaultValue={state.values.orderId}
          error={state.fieldErrors.orderId}
        />
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Looking…' : 'Find my order'}
        </button>
      </form>
    </>
  );
}
