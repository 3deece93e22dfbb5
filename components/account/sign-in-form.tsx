'use client';

import Link from 'next/link';
import { type FormEvent, useId, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import { ErrorSummary, type SummaryProblem } from '@/components/forms/error-summary';
import { FormField } from '@/components/forms/form-field';
import styles from './account-forms.module.css';
import { problemsFrom } from './form-problems';

// Posts JSON to /api/auth/sign-in; the session arrives as httpOnly cookies, never through this script.
// `next` was sanitised on the server (safe-next-path.ts); a full navigation re-renders the header with the name.

export function SignInForm({ next }: { next: string }) {
  const base = useId();
  const ids = { email: `${base}-email`, password: `${base}-password` };
  const [problems, setProblems] = useState<SummaryProblem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await apiRequest('/api/auth/sign-in', { method: 'POST', body: { email: form.get('email'), password: form.get('password') } });
    if (result.ok) {
      window.location.assign(next);
      return;
    }
    setPending(false);
    const shown = problemsFrom(result, ids);
    setFieldErrors(shown.fieldErrors);
    setProblems(shown.problems);
  }

  return (
    <>
      <ErrorSummary problems={problems} className={styles.summary} />
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <FormField
          id={ids.email}
          name="email"
          label="Email address"
          type="email"
          autoComplete="username"
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
          autoComplete="current-password"
          maxLength={256}
          error={fieldErrors.password}
        />
        <div>
          <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
      <p className={styles.links}>
        <Link href="/forgot-password">Forgot your password?</Link>
        <Link href={next === '/' ? '/sign-up' : `/sign-up?${new URLSearchParams({ next })}`}>Create an account</Link>
      </p>
    </>
  );
}
