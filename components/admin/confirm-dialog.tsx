'use client';

import { useId } from 'react';
import { useModalDialog } from '@/components/layout/use-modal-dialog';
import styles from './flags-admin.module.css';

// A modal confirmation on the native <dialog>: focus moves into it, Esc cancels, the page behind is inert. Used
// before a kill switch changes, the one action that changes what every shopper sees at once.

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useModalDialog(open);
  const titleId = useId();

  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId} onCancel={onCancel} onClose={() => open && onCancel()}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className={styles.actions}>
        <button type="button" className="button" onClick={onConfirm}>
          {confirmLabel}
        </button>
        {/* biome-ignore lint/a11y/noAutofocus: in a modal <dialog>, autofocus names the control showModal() focuses: Cancel, so a stray Enter never confirms */}
        <button type="button" className="button button--ghost" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
