'use client';

import { type ComponentType, useRef, useState } from 'react';

// The chat widget's launcher: the only part on every page's first load. The panel (messages, form, rendering of
// products, orders and stores) is imported on the first open, so product pages do not carry it. Closing the panel
// (Escape, its close button or the launcher) returns focus to the launcher.

type PanelProps = { onClose: () => void };

export function AssistantLauncher() {
  const [Panel, setPanel] = useState<ComponentType<PanelProps> | null>(null);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const launcher = useRef<HTMLButtonElement>(null);

  function close() {
    setOpen(false);
    launcher.current?.focus();
  }

  async function toggle() {
    if (open) return close();
    if (!Panel) {
      setLoading(true);
      try {
        const mod = await import('./assistant-panel');
        setPanel(() => mod.AssistantPanel);
      } catch {
        return; // chunk failed to load (offline, deploy in flight): the launcher stays usable for a retry
      } finally {
        setLoading(false);
      }
    }
    setOpen(true);
  }

  return (
    <div className="assistant">
      {open && Panel ? <Panel onClose={close} /> : null}
      <button
        ref={launcher}
        type="button"
        className="assistant__launcher button"
        aria-expanded={open}
        aria-controls={open ? 'assistant-panel' : undefined}
        aria-busy={loading || undefined}
        onClick={toggle}
        // An icon button: round, in the phone header's row or the wide screen's corner, not a text pill over buttons.
        aria-label={open ? 'Close assistant' : 'Ask the assistant'}
        title={open ? 'Close assistant' : 'Ask the assistant'}
      >
        {open ? (
          <svg
            aria-hidden="true"
            focusable="false"
            width="22"
            height="22"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.4"
            strokeLinecap="round"
          >
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        ) : (
          <svg
            aria-hidden="true"
            focusable="false"
            width="24"
            height="24"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          >
            <path d="M4 5h16v11H9l-5 4z" />
            <path d="M8 9.5h8M8 12.5h5" strokeLinecap="round" />
          </svg>
        )}
      </button>
    </div>
  );
}
