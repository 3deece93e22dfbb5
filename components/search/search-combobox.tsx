'use client';

import { type ComponentType, useId, useRef, useState } from 'react';
import type { ComboboxState, SearchSuggestionsProps } from './search-suggestions';

// The header's search box as a WAI-ARIA combobox (the "list autocomplete" pattern). It sits inside the header's
// plain GET form, so Enter with nothing highlighted (and any search before hydration) is an ordinary /search
// submission. This shell is all every page loads: the box, its empty list and live region. The suggestion logic
// (requests, options, keys; search-suggestions.tsx) is fetched on the first focus, press or keystroke in the box
// (docs/adr/0034) and then drives this same <input>, so focus, caret and what was typed meanwhile all stay.

type Suggestions = ComponentType<SearchSuggestionsProps>;

const CLOSED: ComboboxState = { expanded: false, loading: false, announcement: '' };

export function SearchCombobox({ inputId, defaultValue }: { inputId: string; defaultValue?: string }) {
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [Suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [state, setState] = useState<ComboboxState>(CLOSED);
  const requested = useRef(false);

  function wake() {
    if (requested.current) return;
    requested.current = true;
    import('./search-suggestions').then(
      (m) => setSuggestions(() => m.SearchSuggestions),
      // Chunk failed to load (offline, deploy in flight): the box stays a plain search box; the next focus retries.
      () => {
        requested.current = false;
      },
    );
  }

  return (
    <div className="search-combobox" data-loading={state.loading || undefined}>
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
        aria-expanded={state.expanded}
        aria-controls={listId}
        aria-activedescendant={state.activeId}
        onFocus={wake}
        onPointerDown={wake}
        onInput={wake}
      />
      {Suggestions ? (
        <Suggestions input={input} listId={listId} onState={setState} />
      ) : (
        <div id={listId} role="listbox" aria-label="Search suggestions" className="search-suggestions" hidden />
      )}
      {/* A live region without role="status": it sits in every page's header, and a page's own status line
          (role="status") should stay the only one there. Here from the first render, so it is in place before it speaks. */}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {state.announcement}
      </p>
    </div>
  );
}
