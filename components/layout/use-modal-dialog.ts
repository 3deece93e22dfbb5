'use client';

import { useEffect, useRef } from 'react';

/**
 * Keeps a native <dialog> in step with an `open` prop, opened as a modal (focus moves in, the page behind is
 * inert, Escape closes it). Returns the ref to put on the <dialog>.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
