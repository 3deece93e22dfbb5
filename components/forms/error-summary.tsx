'use client';

import { type ReactNode, useEffect, useId, useRef } from 'react';
import styles from './forms.module.css';

// The form's problems in one place, announced (role=alert) and focused when they appear, each linking to its
// field, as in the GOV.UK error-summary pattern. A form-level message alone (wrong password, payment declined,
// an outage) shows as a sentence rather than a one-item list. `children` adds a way out (e.g. "Update your cart").

export type SummaryProblem = { fieldId?: string; message: string };

export function ErrorSummary({ problems, className, children }: { problems: SummaryProblem[]; className?: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // useId, not a fixed id: two forms on one page must not share the heading's id.
  const titleId = useId();
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div ref={ref} className={className ? `${styles.summary} ${className}` : styles.summary} role="alert" tabIndex={-1} aria-labelledby={titleId}>
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
      {children}
    </div>
  );
}
