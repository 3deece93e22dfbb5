'use client';

import Link from 'next/link';
import { type FormEvent, useId, useState } from 'react';
import { type ApiFailure, apiRequest } from '@/components/api/api-request';
import { ErrorSummary, type SummaryProblem } from '@/components/forms/error-summary';
import { FormField } from '@/components/forms/form-field';
import styles from './account-forms.module.css';
import { problemsFrom } from './form-problems';
import { PASSWORD_POLICY_HINT } from './password-policy';

// Request a code, then set a new password with it. The first step reads the same whether or not the email has an
// account, so the form cannot be used to find out who shops here.

type Step = 'request' | 'reset' | 'done';

export function ForgotPasswordForm() {
  const base = useId();
  const ids = { email: `${base}-email`, code: `${base}-code`, password: `${base}-password` };
  const [step, setStep] = useState<Step>('request');
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<SummaryProblem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  function fail(result: ApiFailure) {
    setPending(false);
    const shown = problemsFrom(result, ids);
    setFieldErrors(shown.fieldErrors);
    setProblems(shown.problems);
  }

  function succeed(nextStep: Step) {
    setPending(false);
    setProblems([]);
    setFieldErrors({});
    setStep(nextStep);
  }

  async function onRequest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = String(new FormData(event.currentTarget).get('email') ?? '')
      .trim()
      .toLowerCase();
    setPending(true);
    const result = await apiRequest('/api/auth/forgot-password', { method: 'POST', body: { email: address } });
    if (!result.ok) return fail(result);
    setEmail(address);
    succeed('reset');
  }

  async function onReset(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await apiRequest('/api/auth/reset-password', { method: 'POST', body: { email, code: form.get('code'), password: form.get('password') } });
    if (!result.ok) return fail(result);
    succeed('done');
  }

  if (step === 'done') {
    return (
      <p className={`notice ${styles.status}`} role="status">
        Your password has been changed, and every device that was signed in to your account has been signed out.{' '}
        <Link href="/sign-in">Sign in with your new password</Link>.
      </p>
    );
  }

  if (step === 'reset') {
    return (
      <>
        <ErrorSummary problems={problems} className={styles.summary} />
        <p className={`notice ${styles.status}`} role="status">
          If {email} has an account, we have emailed it a code. Enter the code and choose a new password.
        </p>
        <form className={styles.form} onSubmit={onReset} noValidate>
          <FormField
            id={ids.code}
            name="code"
            label="Code from the email"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={10}
            error={fieldErrors.code}
          />
          <FormField
            id={ids.password}
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            maxLength={256}
            hint={PASSWORD_POLICY_HINT}
            error={fieldErrors.password}
          />
          <div>
            <button className="button" type="submit" disabled={pending}>
              {pending ? 'Saving…' : 'Set new password'}
            </button>
          </div>
        </form>
        <p>
          <button type="button" className={`link-button ${styles.linkButton}`} onClick={() => succeed('request')}>
            Use a different email or send a new code
          </button>
        </p>
      </>
    );
  }

  return (
    <>
      <ErrorSummary problems={problems} className={styles.summary} />
      <form className={styles.form} onSubmit={onRequest} noValidate>
        <FormField
          id={ids.email}
          name="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={254}
          hint="We will email you a code to set a new password."
          defaultValue={email}
          error={fieldErrors.email}
        />
        <div>
          <button className="button" type="submit" disabled={pending}>
            {pending ? 'Sending…' : 'Send code'}
          </button>
        </div>
      </form>
      <p>
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </>
  );
}
