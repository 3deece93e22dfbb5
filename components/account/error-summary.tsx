'use client';

import { useEffect, useId, useRef } from 'react';
import styles from './account-forms.module.css';

// The form's problems in one place, announced (role=alert) and focused when they appear, each linking to its
// field, as in the GOV.UK error-summary pattern. A form-level message (wrong password, rate limit) shows alone.

export type SummaryProblem = { fieldId?: string; message: string };

export function ErrorSummary({ problems }: { problems: SummaryProblem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div ref={ref} className={styles.summary} role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId}>There is a problem</h2>
      {problems.length === 1 && !problems[0]?.fieldId ? (
        <p>{problems[0]?.message}</p>
      ) : (
        <ul>
          {problems.map((p) => (
            <li key={`${p.fieldId ?? ''}:${p.message}`}>{p.fieldId ? <a href={`#${p.fieldId}`}>{p.message}</a> : p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
