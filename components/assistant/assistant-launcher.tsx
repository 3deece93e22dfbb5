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
      >
        {open ? 'Close assistant' : 'Ask the assistant'}
      </button>
    </div>
  );
}
