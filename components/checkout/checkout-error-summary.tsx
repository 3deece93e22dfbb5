'use client';

import { useEffect, useRef } from 'react';
import styles from './checkout.module.css';

export type Problem = { fieldId?: string; message: string };

/** Every problem in one announced, focused box, each linking to its field (GOV.UK error-summary pattern). */
export function CheckoutErrorSummary({ problems, children }: { problems: Problem[]; children?: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div ref={ref} className={styles.summary} role="alert" tabIndex={-1} aria-labelledby="checkout-problems-title">
      <h2 id="checkout-problems-title">There is a problem</h2>
      <ul>
        {problems.map((p) => (
          <li key={`${p.fieldId ?? ''}:${p.message}`}>{p.fieldId ? <a href={`#${p.fieldId}`}>{p.message}</a> : p.message}</li>
        ))}
      </ul>
      {children}
    </div>
  );
}
