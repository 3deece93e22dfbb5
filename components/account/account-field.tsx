import type { InputHTMLAttributes } from 'react';
import styles from './account-forms.module.css';

// A labelled input whose hint and error are tied to it (aria-describedby) and which says when it is wrong
// (aria-invalid), so a screen reader hears the problem when the field gets focus. Rendered inside client forms.

type Props = {
  id: string;
  name: string;
  label: string;
  error?: string;
  hint?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'inputMode' | 'defaultValue' | 'maxLength' | 'readOnly' | 'spellCheck' | 'autoCapitalize'>;

export function fieldErrorId(id: string): string {
  return `${id}-error`;
}

export function AccountField({ id, name, label, error, hint, type = 'text', ...input }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? fieldErrorId(id) : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <input id={id} name={name} type={type} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? (
        <p id={errorId} className={styles.error}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
