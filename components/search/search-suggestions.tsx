'use client';

import { useRouter } from 'next/navigation';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import { formatMoney } from '@/server/platform/money';
import type { SearchResult } from '@/server/search/contract';
import { moveActive, SUGGEST_DEBOUNCE_MS, type SuggestionOption, suggestionOptions, suggestionsAnnouncement, wantsSuggestions } from './suggestion-list';

// The header combobox's suggestions (search-combobox.tsx is the box; this is fetched on its first focus, press or
// keystroke): from GET /api/search/suggest after two letters, debounced, the previous request aborted when a new one
// starts. Up and Down move through the options, Enter opens the highlighted one, Escape closes the list (and clears
// the box when it is already closed), and a click picks an option. The box's own attributes (aria-expanded, the
// active option) and the live region's words are handed back to the shell, which renders them.

/** What the shell renders on the box and in its live region. */
export type ComboboxState = { expanded: boolean; loading: boolean; activeId?: string; announcement: string };

export type SearchSuggestionsProps = {
  input: RefObject<HTMLInputElement | null>;
  listId: string;
  onState: (state: ComboboxState) => void;
};

type Answer = { text: string; options: SuggestionOption[] };

export function SearchSuggestions({ input, listId, onState }: SearchSuggestionsProps) {
  const router = useRouter();
  // What was typed, and whether the box has focus, before this arrived count: the shell's box was live meanwhile.
  const [text, setText] = useState(() => input.current?.value ?? '');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(() => typeof document !== 'undefined' && document.activeElement === input.current);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const q = text.trim();
    if (!wantsSuggestions(q)) {
      setAnswer(null);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      apiRequest<SearchResult>(`/api/search/suggest?${new URLSearchParams({ q })}`, { signal: controller.signal })
        .then((r) => {
          if (controller.signal.aborted) return;
          setLoading(false);
          setActive(-1);
          setAnswer(r.ok ? { text: q, options: suggestionOptions(q, r.data) } : null);
        })
        // Aborted: a newer keystroke's request took over.
        .catch(() => undefined);
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const options = answer?.options ?? [];
  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;
  const activeId = expanded && active >= 0 ? optionId(active) : undefined;
  const announcement = loading ? 'Loading suggestions' : expanded && answer ? suggestionsAnnouncement(answer.options) : '';

  useEffect(() => onState({ expanded, loading, activeId, announcement }), [onState, expanded, loading, activeId, announcement]);
  // Back to a closed box if this ever unmounts.
  useEffect(() => () => onState({ expanded: false, loading: false, announcement: '' }), [onState]);

  function choose(option: SuggestionOption) {
    setOpen(false);
    if (input.current && option.kind !== 'product') input.current.value = option.kind === 'category' ? (answer?.text ?? '') : option.label;
    router.push(option.href);
  }

  // The box is the shell's element, so its events are listened to here rather than passed as props; re-bound on each
  // render so the handlers see this render's options and highlight.
  const handlers = useRef({ choose, options, open, expanded, active });
  handlers.current = { choose, options, open, expanded, active };
  useEffect(() => {
    const box = input.current;
    if (!box) return;
    const onInput = () => {
      setText(box.value);
      setOpen(true);
    };
    const onFocus = () => setOpen(true);
    const onBlur = () => setOpen(false);
    const onKeyDown = (e: KeyboardEvent) => {
      const { choose, options, open, expanded, active } = handlers.current;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (!open) {
          setOpen(true);
          if (e.key === 'ArrowUp') setActive(options.length - 1);
          return;
        }
        setActive((a) => moveActive(a, options.length, e.key as 'ArrowDown' | 'ArrowUp'));
      } else if (e.key === 'Enter' && expanded && active >= 0) {
        const option = options[active];
        if (option) {
          e.preventDefault();
          choose(option);
        }
      } else if (e.key === 'Escape') {
        if (expanded) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (box.value) {
          e.preventDefault();
          box.value = '';
          setText('');
        }
      }
    };
    box.addEventListener('input', onInput);
    box.addEventListener('focus', onFocus);
    box.addEventListener('blur', onBlur);
    box.addEventListener('keydown', onKeyDown);
    // Anything typed between this render and now.
    setText(box.value);
    return () => {
      box.removeEventListener('input', onInput);
      box.removeEventListener('focus', onFocus);
      box.removeEventListener('blur', onBlur);
      box.removeEventListener('keydown', onKeyDown);
    };
  }, [input]);

  return (
    <div id={listId} role="listbox" aria-label="Search suggestions" className="search-suggestions" hidden={!expanded} aria-busy={loading}>
      {options.map((o, i) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard path is the combobox's (arrow keys + Enter on the text box), as the ARIA pattern has it
        <div
          key={o.id}
          id={optionId(i)}
          role="option"
          // Focus stays in the text box (aria-activedescendant); -1 only makes the option focusable by script.
          tabIndex={-1}
          aria-selected={i === active}
          className={`search-suggestion search-suggestion--${o.kind}`}
          // mousedown would blur the box and close the list before the click lands.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => choose(o)}
        >
          {o.kind === 'product' ? (
            <>
              {/* biome-ignore lint/performance/noImgElement: 40 px thumbnails of every keystroke's answer are not worth the image optimiser */}
              <img src={o.image} alt="" width={40} height={40} />
              <span className="search-suggestion__name">{o.label}</span>
              <span className="search-suggestion__price">{formatMoney(o.price)}</span>
            </>
          ) : o.kind === 'correction' ? (
            <span>
              Did you mean <strong>{o.label}</strong>?
            </span>
          ) : o.kind === 'category' ? (
            <span>
              {o.query} in <strong>{o.label}</strong> <span className="search-suggestion__count">({o.count})</span>
            </span>
          ) : (
            <span>
              Search for “<strong>{o.label}</strong>”
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
