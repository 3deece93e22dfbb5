import type { InputHTMLAttributes, ReactNode } from 'react';
import styles from './forms.module.css';

// The one labelled form control of the account and checkout forms: its hint and error are tied to it
// (aria-describedby) and it says when it is wrong (aria-invalid), so a screen reader hears the problem when the
// field gets focus; the error is read as "Error: …", since its colour alone says nothing to someone who cannot
// see it (WCAG 1.4.1).

const hintId = (id: string) => `${id}-hint`;
const errorId = (id: string) => `${id}-error`;

/** aria-describedby for a control with this id: its hint, then its error. */
export function describedBy(id: string, error?: string, hint?: boolean): string | undefined {
  return [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean).join(' ') || undefined;
}

/** A field's or a group's error message, with the "Error:" prefix for screen readers. */
export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={errorId(id)} className={styles.error}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children' | 'aria-invalid' | 'aria-describedby'> & {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  /** A control other than a text input (a select): it must carry `id` and wire itself with describedBy(). */
  children?: ReactNode;
};

export function FormField({ id, label, error, hint, children, type = 'text', ...input }: Props) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId(id)} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {children ?? <input id={id} type={type} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, Boolean(hint))} {...input} />}
      {error ? <FieldError id={id} message={error} /> : null}
    </div>
  );
}
