'use client';

import Link from 'next/link';
import { type FormEvent, useId, useRef, useState } from 'react';
import { type ApiFailure, apiRequest } from '@/components/api/api-request';
import { ErrorSummary, type SummaryProblem } from '@/components/forms/error-summary';
import { FormField } from '@/components/forms/form-field';
import styles from './account-forms.module.css';
import { problemsFrom } from './form-problems';
import { PASSWORD_POLICY_HINT } from './password-policy';

// Two steps: details, then — only where the pool wants one (real Cognito) — the emailed code. Once the account is
// confirmed the shopper is signed in with the password just typed, kept in memory for that one request only.

type Step = 'details' | 'confirm';

export function SignUpForm({ next }: { next: string }) {
  const base = useId();
  const ids = { name: `${base}-name`, email: `${base}-email`, password: `${base}-password`, code: `${base}-code` };
  const [step, setStep] = useState<Step>('details');
  const [problems, setProblems] = useState<SummaryProblem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const credentials = useRef<{ email: string; password: string } | null>(null);

  function fail(result: ApiFailure) {
    setPending(false);
    const shown = problemsFrom(result, ids);
    setFieldErrors(shown.fieldErrors);
    setProblems(shown.problems);
  }

  async function signInAndGo() {
    const creds = credentials.current;
    if (!creds) return;
    const result = await apiRequest('/api/auth/sign-in', { method: 'POST', body: creds });
    credentials.current = null;
    // Account made but sign-in refused (rate limit, outage): the sign-in page takes it from here.
    window.location.assign(result.ok ? next : `/sign-in?${new URLSearchParams({ next })}`);
  }

  async function onDetails(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { name: form.get('name'), email: form.get('email'), password: form.get('password') };
    setPending(true);
    const result = await apiRequest<{ status: 'CONFIRMED' | 'CONFIRMATION_REQUIRED' }>('/api/auth/sign-up', { method: 'POST', body });
    if (!result.ok) return fail(result);
    credentials.current = {
      email: String(body.email ?? '')
        .trim()
        .toLowerCase(),
      password: String(body.password ?? ''),
    };
    if (result.data.status === 'CONFIRMED') return signInAndGo();
    setPending(false);
    setProblems([]);
    setFieldErrors({});
    setStep('confirm');
  }

  async function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await apiRequest('/api/auth/confirm', { method: 'POST', body: { email: credentials.current?.email, code: form.get('code') } });
    if (!result.ok) return fail(result);
    return signInAndGo();
  }

  if (step === 'confirm') {
    return (
      <>
        <ErrorSummary problems={problems} className={styles.summary} />
        <p className={`notice ${styles.status}`} role="status">
          We emailed a confirmation code to {credentials.current?.email}. Enter it below to finish creating your account.
        </p>
        <form className={styles.form} onSubmit={onConfirm} noValidate>
          <FormField
            id={ids.code}
            name="code"
            label="Confirmation code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={10}
            error={fieldErrors.code}
          />
          <div>
            <button className="button" type="submit" disabled={pending}>
              {pending ? 'Confirming…' : 'Confirm and sign in'}
            </button>
          </div>
        </form>
      </>
    );
  }

  return (
    <>
      <ErrorSummary problems={problems} className={styles.summary} />
      <form className={styles.form} onSubmit={onDetails} noValidate>
        <FormField id={ids.name} name="name" label="Your name" autoComplete="name" maxLength={100} error={fieldErrors.name} />
        <FormField
          id={ids.email}
          name="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={254}
          error={fieldErrors.email}
        />
        <FormField
          id={ids.password}
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          maxLength={256}
          hint={PASSWORD_POLICY_HINT}
          error={fieldErrors.password}
        />
        <div>
          <button className="button" type="submit" disabled={pending}>
            {pending ? 'Creating your account…' : 'Create account'}
          </button>
        </div>
      </form>
      <p>
        Already have an account? <Link href={next === '/' ? '/sign-in' : `/sign-in?${new URLSearchParams({ next })}`}>Sign in</Link>
      </p>
    </>
  );
}
