'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';

// A product named by its name, not its id: an ARIA 1.2 combobox (editable, list autocomplete) that searches the
// catalog as the marketer types (GET /api/admin/products?q=, every product, published or not) and keeps the chosen
// product's id in a hidden field named `name`, so the surrounding form posts exactly what it posted before.
// Arrow keys move through the options, Enter chooses, Escape closes.

type Option = { id: string; name: string };

export function ProductPicker({ id, name, label, initial, invalid }: { id: string; name: string; label: string; initial: Option | null; invalid?: boolean }) {
  const listId = useId();
  const [chosen, setChosen] = useState<Option | null>(initial);
  const [text, setText] = useState(initial?.name ?? '');
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    const q = text.trim();
    if (!open || q.length < 2 || (chosen && chosen.name === text)) return;
    const call = ++latest.current;
    const timer = setTimeout(async () => {
      const res = await apiRequest<{ items: { id: string; name: string }[] }>(`/api/admin/products?${new URLSearchParams({ q, limit: '8' })}`);
      if (call !== latest.current) return;
      const items = res.ok ? res.data.items.map((p) => ({ id: p.id, name: p.name })) : [];
      setOptions(items);
      setActive(-1);
      setStatus(res.ok ? (items.length === 0 ? 'No product matches.' : `${items.length} products match.`) : res.message);
    }, 200);
    return () => clearTimeout(timer);
  }, [text, open, chosen]);

  const choose = (o: Option) => {
    setChosen(o);
    setText(o.name);
    setOpen(false);
    setStatus(`${o.name} chosen.`);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(options.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && open && active >= 0 && options[active]) {
      e.preventDefault();
      choose(options[active]!);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const expanded = open && options.length > 0;
  return (
    <div className="field" style={{ position: 'relative' }}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid}
        autoComplete="off"
        value={text}
        size={30}
        onChange={(e) => {
          setText(e.target.value);
          setChosen(null);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <input type="hidden" name={name} value={chosen?.id ?? ''} />
      <div
        id={listId}
        role="listbox"
        aria-label={`${label}: matches`}
        hidden={!expanded}
        style={{
          position: 'absolute',
          zIndex: 5,
          top: '100%',
          left: 0,
          right: 0,
          margin: 0,
          padding: 4,
          listStyle: 'none',
          background: '#fff',
          border: '1px solid #8a8478',
          borderRadius: 8,
          maxHeight: 260,
          overflowY: 'auto',
        }}
      >
        {options.map((o, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input owns the keyboard (arrows and Enter), as the ARIA pattern has it
          <div
            key={o.id}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(o)}
            style={{ padding: '8px 10px', borderRadius: 6, cursor: 'pointer', background: i === active ? '#e9f2ef' : undefined }}
          >
            {o.name}
          </div>
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
