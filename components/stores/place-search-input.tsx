'use client';

import { useEffect, useId, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';

// The locator's search box with address suggestions while typing (/api/stores/suggestions). A native <datalist>
// keeps it keyboard and screen-reader usable without a custom combobox; the form works without JavaScript.

export function PlaceSearchInput({ defaultValue }: { defaultValue: string }) {
  const listId = useId();
  const [text, setText] = useState(defaultValue);
  const [options, setOptions] = useState<string[]>([]);

  useEffect(() => {
    if (text.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiRequest<{ suggestions: { label: string }[] }>(`/api/stores/suggestions?${new URLSearchParams({ q: text })}`, { signal: controller.signal })
        .then((r) => setOptions(r.ok ? r.data.suggestions.map((s) => s.label) : []))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  return (
    <>
      <input
        id="store-q"
        name="q"
        type="search"
        list={listId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        required
        maxLength={200}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </>
  );
}
