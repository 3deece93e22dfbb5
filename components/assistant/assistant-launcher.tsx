'use client';

import { useState, type ComponentType } from 'react';

// The chat widget's launcher: the only part on every page's first load. The panel (messages, form, rendering of
// products, orders and stores) is imported on the first open, so product pages do not carry it.

type PanelProps = { onClose: () => void };

export function AssistantLauncher() {
  const [Panel, setPanel] = useState<ComponentType<PanelProps> | null>(null);
  const [open, setOpen] = useState(false);

  async function toggle() {
    if (!Panel) {
      const mod = await import('./assistant-panel');
      setPanel(() => mod.AssistantPanel);
    }
    setOpen((o) => !o);
  }

  return (
    <div className="assistant">
      {open && Panel ? <Panel onClose={() => setOpen(false)} /> : null}
      <button type="button" className="assistant__launcher button" aria-expanded={open} aria-controls="assistant-panel" onClick={toggle}>
        {open ? 'Close assistant' : 'Ask the assistant'}
      </button>
    </div>
  );
}
