'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import type { OrderStatus } from '@/server/orders/contract';
import { STATUS_LABELS } from './format-order';
import styles from './orders.module.css';

// The order's status, kept live without a reload: server-sent events from /api/orders/[id]/events, and GET
// /api/orders/[id] every few seconds when the stream cannot be had (no EventSource, a proxy that buffers, the
// server closing it for good). A change re-renders the server parts of the page (timeline, tracking, what can be
// done now) through router.refresh(), which keeps the page, its scroll and its focus.

const POLL_MS = 4_000;
const FINAL: readonly OrderStatus[] = ['CANCELLED', 'RETURNED'];

/** `accessToken`: the email link's token, when that is how this page was opened (a guest without the cookie). */
export function LiveOrderStatus({ orderId, initialStatus, accessToken }: { orderId: string; initialStatus: OrderStatus; accessToken?: string }) {
  const router = useRouter();
  const [status, setStatus] = useState(initialStatus);
  const rendered = useRef(initialStatus);

  // The server render caught up (after a refresh or an action on this page): it is the truth again.
  useEffect(() => {
    rendered.current = initialStatus;
    setStatus(initialStatus);
  }, [initialStatus]);

  // Reconnect only when the order becomes final, not at every status.
  const final = FINAL.includes(status);
  useEffect(() => {
    if (final) return;
    const base = `/api/orders/${encodeURIComponent(orderId)}`;
    const access = accessToken ? `?${new URLSearchParams({ access: accessToken })}` : '';
    let stopped = false;
    let poll: ReturnType<typeof setInterval> | undefined;
    const seen = (next: OrderStatus) => {
      setStatus(next);
      if (next !== rendered.current) {
        rendered.current = next;
        router.refresh();
      }
    };
    const startPolling = () => {
      if (poll || stopped) return;
      poll = setInterval(async () => {
        const res = await apiRequest<{ order: { status: OrderStatus } }>(`${base}${access}`);
        if (res.ok && !stopped) seen(res.data.order.status);
      }, POLL_MS);
    };
    let source: EventSource | undefined;
    if (typeof EventSource === 'undefined') startPolling();
    else {
      source = new EventSource(`${base}/events${access}`);
      source.addEventListener('status', (event) => {
        try {
          seen((JSON.parse((event as MessageEvent<string>).data) as { status: OrderStatus }).status);
        } catch {
          // A malformed event: the next one, or the poll, carries the status.
        }
      });
      // CONNECTING means the browser retries by itself; CLOSED (an error answer, not an event stream) is final.
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) startPolling();
      };
    }
    return () => {
      stopped = true;
      source?.close();
      if (poll) clearInterval(poll);
    };
  }, [orderId, router, final, accessToken]);

  return (
    <p className={styles.meta} role="status" aria-live="polite">
      Status: <span className={styles.status}>{STATUS_LABELS[status]}</span>
    </p>
  );
}
