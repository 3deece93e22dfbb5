'use client';

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import type { AssistantReply } from '@/server/assistant';
import { distanceUnitFor, formatDistance } from '@/server/locations/contract';
import { formatMoney } from '@/server/platform/money';

// The chat panel: a labelled dialog region with a log that screen readers announce (role="log", polite), a
// labelled text field that takes focus on open, and Escape to close. Talks to POST /api/assistant.

// `id` is the message's React key: its place in the conversation, handed out once and never reused.
type Message = { id: number; from: 'you' | 'assistant'; text: string; reply?: AssistantReply };

export function AssistantPanel({ onClose }: { onClose: () => void }) {
  const [messages, setMessages] = useState<Message[]>([
    { id: 0, from: 'assistant', text: 'Hi! Ask me where your order is, to find products, or for stores near you.' },
  ]);
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const nextId = useRef(1);
  const say = (message: Omit<Message, 'id'>) => {
    const id = nextId.current++;
    setMessages((m) => [...m, { id, ...message }]);
  };

  useEffect(() => input.current?.focus(), []);

  // Each new message (and "Thinking…") is scrolled into view: a product answer below the fold looked like no answer.
  // The log itself is role="log" (polite), so screen readers hear the reply without losing their place.
  const newest = messages.at(-1)?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the newest message or the pending line changes, which is the point
  useEffect(() => {
    const el = log.current;
    const last = el?.lastElementChild;
    if (!el || !last) return;
    // The message's top, not the log's bottom: a long reply with cards is read from its first line.
    const top = el.scrollTop + last.getBoundingClientRect().top - el.getBoundingClientRect().top - 8;
    el.scrollTo({ top: Math.max(0, top), behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }, [newest, pending]);

  async function send(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const text = input.current?.value.trim() ?? '';
    if (!text || pending) return;
    input.current!.value = '';
    say({ from: 'you', text });
    setPending(true);
    const result = await apiRequest<AssistantReply>('/api/assistant', { method: 'POST', body: { text, sessionId } });
    setPending(false);
    if (!result.ok) {
      say({ from: 'assistant', text: result.message });
      return;
    }
    setSessionId(result.data.sessionId);
    say({ from: 'assistant', text: result.data.reply, reply: result.data });
  }

  return (
    <section
      id="assistant-panel"
      className="assistant__panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="assistant-title"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h2 id="assistant-title">Shopping assistant</h2>
      <div ref={log} role="log" aria-live="polite" aria-label="Conversation" className="assistant__log">
        {messages.map((m) => (
          <div key={m.id} className={`assistant__msg assistant__msg--${m.from}`}>
            <span className="visually-hidden">{m.from === 'you' ? 'You said: ' : 'Assistant: '}</span>
            <p>{m.text}</p>
            {m.reply?.products?.length ? (
              // Cards built by the server from tool results (never from the model's text): image, name, price.
              <ul aria-label="Products found" className="assistant__cards">
                {m.reply.products.map((p) => (
                  <li key={p.id} className="assistant__card">
                    <a href={`/p/${p.slug}`} className="assistant__card-link">
                      {/* Plain img: next/image would ask the optimiser for each card of every reply; these are 48 px. */}
                      {/* biome-ignore lint/performance/noImgElement: see above */}
                      <img src={p.image} alt="" width={48} height={48} loading="lazy" />
                      <span className="assistant__card-name">{p.name}</span>
                      <span>{formatMoney(p.price)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {m.reply?.checkoutUrl ? (
              <p>
                <a href="/checkout">Go to checkout</a>
              </p>
            ) : null}
            {m.reply?.orders?.length ? (
              <ul aria-label="Your orders">
                {m.reply.orders.map((o) => (
                  <li key={o.id}>
                    <a href={`/orders/${o.id}`}>{o.number ?? o.id}</a> · {o.status.toLowerCase()}
                  </li>
                ))}
              </ul>
            ) : null}
            {m.reply?.stores?.length ? (
              <ul aria-label="Stores found">
                {m.reply.stores.map((s) => (
                  <li key={s.id}>
                    {s.name}, {s.address.line1} ·{' '}
                    {formatDistance(s.distanceKm, distanceUnitFor(typeof navigator === 'undefined' ? undefined : navigator.language))}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
        {pending ? <p className="assistant__msg">Thinking…</p> : null}
      </div>
      <form onSubmit={send} className="assistant__form">
        <label htmlFor="assistant-input">Message</label>
        <input id="assistant-input" ref={input} type="text" maxLength={500} autoComplete="off" placeholder="Where is my order?" />
        <button type="submit" className="button" disabled={pending}>
          Send
        </button>
      </form>
    </section>
  );
}
