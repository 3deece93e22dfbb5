'use client';

import { useEffect, useId, useState } from 'react';
import { describedBy, FieldError } from '@/components/forms/form-field';
import formStyles from '@/components/forms/forms.module.css';
import styles from './category-picker.module.css';

// Categories named by their names, searched as the marketer types: an ARIA 1.2 combobox (editable, list
// autocomplete) over the shop's categories (passed in: a few dozen at most), which keeps the chosen slugs in a
// hidden field named `name` — comma-separated when `multiple` — so the form posts what it posted before.
// Before hydration (or without script) it is a plain form field of the same name: a <select> for one category, a
// text input of comma-separated slugs with a <datalist> of them for several. The server checks every slug anyway
// (assertCategoriesExist: an unknown one is a 400 naming it).

export type CategoryChoice = { slug: string; name: string };

type Props = {
  id: string;
  name: string;
  label: string;
  categories: CategoryChoice[];
  initial: string[];
  multiple?: boolean;
  hint?: string;
  error?: string;
  invalid?: boolean;
};

const MAX_OPTIONS = 8;

export function CategoryPicker({ id, name, label, categories, initial, multiple = false, hint, error, invalid }: Props) {
  const listId = useId();
  const [hydrated, setHydrated] = useState(false);
  const [chosen, setChosen] = useState<string[]>(initial);
  const nameOf = (slug: string) => categories.find((c) => c.slug === slug)?.name ?? slug;
  const [text, setText] = useState(multiple ? '' : initial[0] ? nameOf(initial[0]) : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  useEffect(() => setHydrated(true), []);

  const hintText = hint ?? (multiple ? 'Type to search; choose as many as you need.' : 'Type to search, then choose one.');
  const ariaInvalid = invalid || error ? true : undefined;
  const described = describedBy(id, error, true);
  const hintAndError = (
    <>
      {error ? <FieldError id={id} message={error} /> : null}
      <p id={`${id}-hint`} className={formStyles.hint}>
        {hydrated ? hintText : multiple ? 'Category slugs, separated by commas.' : 'Choose one.'}
      </p>
    </>
  );

  if (!hydrated) {
    return (
      <div className={`field ${formStyles.field}`}>
        <label htmlFor={id}>{label}</label>
        {multiple ? (
          <>
            <input
              id={id}
              name={name}
              defaultValue={initial.join(', ')}
              list={listId}
              autoComplete="off"
              aria-invalid={ariaInvalid}
              aria-describedby={described}
            />
            <datalist id={listId}>
              {categories.map((c) => (
                <option key={c.slug} value={c.slug} label={c.name} />
              ))}
            </datalist>
          </>
        ) : (
          <select id={id} name={name} defaultValue={initial[0] ?? ''} aria-invalid={ariaInvalid} aria-describedby={described}>
            <option value="">Choose a category</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        )}
        {hintAndError}
      </div>
    );
  }

  const query = text.trim().toLowerCase();
  const options = categories
    .filter((c) => !(multiple && chosen.includes(c.slug)))
    .filter((c) => query === '' || c.name.toLowerCase().includes(query) || c.slug.includes(query))
    .slice(0, MAX_OPTIONS);
  const expanded = open && options.length > 0;

  const choose = (c: CategoryChoice) => {
    setChosen(multiple ? [...chosen, c.slug] : [c.slug]);
    setText(multiple ? '' : c.name);
    setOpen(false);
    setActive(-1);
    setStatus(`${c.name} chosen.`);
  };
  const remove = (slug: string) => {
    setChosen(chosen.filter((s) => s !== slug));
    setStatus(`${nameOf(slug)} removed.`);
  };
  const exact = () => categories.find((c) => c.slug === query || c.name.toLowerCase() === query);

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(options.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && (open || query)) {
      // Enter chooses the highlighted match, or a name typed out in full; it never submits a half-typed search.
      const pick = active >= 0 ? options[active] : exact();
      if (pick || query) e.preventDefault();
      if (pick && !(multiple && chosen.includes(pick.slug))) choose(pick);
      else if (query) setStatus('No category matches: choose one from the list.');
    } else if (e.key === 'Escape') {
      setOpen(false);
    } else if (e.key === 'Backspace' && multiple && text === '' && chosen.length > 0) {
      remove(chosen.at(-1)!);
    }
  };

  return (
    <div className={`field ${formStyles.field}`}>
      <label htmlFor={id}>{label}</label>
      {multiple && chosen.length > 0 ? (
        <ul className={styles.chosen} aria-label={`${label}: chosen`}>
          {chosen.map((slug) => (
            <li key={slug}>
              {nameOf(slug)}
              <button type="button" className={styles.remove} onClick={() => remove(slug)} aria-label={`Remove ${nameOf(slug)}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className={styles.anchor}>
        <input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={ariaInvalid}
          aria-describedby={described}
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!multiple) setChosen([]);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <input type="hidden" name={name} value={chosen.join(', ')} />
        <div id={listId} role="listbox" aria-label={`${label}: matches`} hidden={!expanded} className={styles.list}>
          {options.map((c, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input owns the keyboard (arrows and Enter), as the ARIA pattern has it
            <div
              key={c.slug}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(c)}
              className={styles.option}
            >
              {c.name} <span className={styles.slug}>{c.slug}</span>
            </div>
          ))}
        </div>
      </div>
      {hintAndError}
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
