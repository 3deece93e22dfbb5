import { requireOrderAccess } from '@/server/guest-orders';
import { watchOrderStatus } from '@/server/orders';
import { AppError } from '@/server/platform/errors';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { route } from '@/server/platform/http/respond';
import { concurrencyCap } from '@/server/platform/runtime';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/**
 * A stream answers the status now and ends at the next change or after this long, and EventSource reconnects: no
 * server function is held for minutes by an open page (issue 25). Under the server function's 20 s timeout
 * (sst.config.ts), and it works behind OpenNext's buffered wrapper too, which sends the body only when it ends: a
 * change ends the response at once, so it reaches the browser as fast as with a streaming one.
 */
const STREAM_MS = 15_000;
const HEARTBEAT_MS = 10_000;
/** Open streams per order and per client address (issue 30 M2: one client held 600–800 open). */
const PER_ORDER = 3;
const PER_CLIENT = 10;
/** A lease outlives its stream a little; a process that died holding one frees it by itself. */
const LEASE_MS = STREAM_MS + 10_000;
const TERMINAL = new Set(['DELIVERED', 'CANCELLED', 'RETURNED', 'PARTIALLY_RETURNED']);

const tooMany = (what: string) =>
  new AppError('RATE_LIMITED', `Too many live status streams for ${what}. Close other tabs or try again shortly.`, { headers: { 'Retry-After': '5' } });

// Server-sent events: `status` with { status, at } now and at the next change, for whoever may read the order (its
// owner, or a guest by cookie or email link). The first read happens before the response starts, so someone else's
// order is an ordinary 404 JSON error. A terminal status is sent once and the stream ends with a long retry (it will
// not change again by itself; the page closes its EventSource on it); any other stream ends at the next change or
// after STREAM_MS, and the browser reconnects after `retry`.
export const GET = route<Ctx>(async (req, ctx) => {
  const clientLease = await concurrencyCap('order-events:client', PER_CLIENT, LEASE_MS).acquire(requestAddressBucket(req));
  if (!clientLease) throw tooMany('this client');
  let orderLease: (() => Promise<void>) | null = null;
  const release = async () => {
    await Promise.all([clientLease(), orderLease?.()]);
  };
  try {
    const linkToken = new URL(req.url).searchParams.get('access');
    const { order, ownerId } = await requireOrderAccess((await ctx.params).id, { purpose: 'read', linkToken });
    orderLease = await concurrencyCap('order-events:order', PER_ORDER, LEASE_MS).acquire(order.id);
    if (!orderLease) throw tooMany('this order');
    const stop = new AbortController();
    const watch = watchOrderStatus(order.id, ownerId, AbortSignal.any([stop.signal, req.signal]));
    const first = await watch.next();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (text: string) => controller.enqueue(encoder.encode(text));
        const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
        const end = setTimeout(() => stop.abort(), STREAM_MS);
        try {
          if (!first.done) {
            const terminal = TERMINAL.has(first.value.status);
            // A terminal answer asks the browser to wait long before trying again; the page closes it on seeing one.
            send(terminal ? 'retry: 3600000\n\n' : 'retry: 1000\n\n');
            send(`event: status\ndata: ${JSON.stringify(first.value)}\n\n`);
            if (!terminal) {
              const next = await watch.next();
              if (!next.done) send(`event: status\ndata: ${JSON.stringify(next.value)}\n\n`);
            }
          }
        } catch {
          // The order went away or DynamoDB failed mid-stream: end it; the client reconnects and gets a real answer.
        } finally {
          stop.abort();
          clearInterval(heartbeat);
          clearTimeout(end);
          await release();
          try {
            controller.close();
          } catch {
            // already closed by the client going away
          }
        }
      },
      cancel() {
        stop.abort();
      },
    });
    return new Response(body, {
      headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Accel-Buffering': 'no' },
    });
  } catch (err) {
    await release();
    throw err;
  }
});
