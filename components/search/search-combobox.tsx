'use client';

import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import { formatMoney } from '@/server/platform/money';
import type { SearchResult } from '@/server/search/contract';
import { moveActive, SUGGEST_DEBOUNCE_MS, type SuggestionOption, suggestionOptions, suggestionsAnnouncement, wantsSuggestions } from './suggestion-list';

// The header's search box as a WAI-ARIA combobox (the "list autocomplete" pattern): suggestions from
// GET /api/search/suggest after two letters, debounced, the previous request aborted when a new one starts. It sits
// inside the header's plain GET form, so Enter with nothing highlighted (and any search before hydration) is an
// ordinary /search submission. Up and Down move through the options, Enter opens the highlighted one, Escape
// closes the list (and clears the box when it is already closed), and a click picks an option.

type Answer = { text: string; options: SuggestionOption[] };

export function SearchCombobox({ inputId, defaultValue }: { inputId: string; defaultValue?: string }) {
  const router = useRouter();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
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

  function choose(option: SuggestionOption) {
    setOpen(false);
    if (input.current && option.kind !== 'product') input.current.value = option.kind === 'category' ? (answer?.text ?? '') : option.label;
    router.push(option.href);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
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
      } else if (input.current?.value) {
        e.preventDefault();
        input.current.value = '';
        setText('');
      }
    }
  }

  return (
    <div className="search-combobox" data-loading={loading || undefined}>
      <input
        ref={input}
        id={inputId}
        type="search"
        name="q"
        placeholder="Search products"
        defaultValue={defaultValue}
        maxLength={200}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
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
      {/* A live region without role="status": it sits in every page's header, and a page's own status line
          (role="status") should stay the only one there. */}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {loading ? 'Loading suggestions' : expanded && answer ? suggestionsAnnouncement(answer.options) : ''}
      </p>
    </div>
  );
}
