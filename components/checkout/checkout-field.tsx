import type { InputHTMLAttributes, ReactNode } from 'react';
import styles from './checkout.module.css';

/** A labelled input with its hint and error wired to it (aria-describedby, aria-invalid). */
export function CheckoutField({ id, label, error, hint, children, ...input }: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; error?: string; hint?: string; children?: ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {children ?? <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />}
      {error ? (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
