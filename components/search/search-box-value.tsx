'use client';

import { useEffect } from 'react';

// The header (root layout) cannot read the URL's query, so the results page hands it over: the box shows what was
// searched for, also after a client-side move from one results page to another. A box the shopper is typing in is
// left alone.
export function SearchBoxValue({ inputId, q }: { inputId: string; q: string }) {
  useEffect(() => {
    const box = document.getElementById(inputId);
    if (box instanceof HTMLInputElement && document.activeElement !== box) box.value = q;
  }, [inputId, q]);
  return null;
}
