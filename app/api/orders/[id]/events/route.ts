import { requireOrderAccess } from '@/server/guest-orders';
import { route } from '@/server/http/respond';
import { watchOrderStatus } from '@/server/orders';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** A stream ends after this long with a retry hint; EventSource reconnects (and a Lambda's duration stays bounded). */
const STREAM_MS = 5 * 60_000;
const HEARTBEAT_MS = 15_000;

// Server-sent events: `status` with { status, at } now and at every change, for whoever may read the order (its
// owner, or a guest by cookie or email link). The first read happens before the response starts, so someone else's
// order is an ordinary 404 JSON error.
export const GET = route<Ctx>(async (req, ctx) => {
  const linkToken = new URL(req.url).searchParams.get('access');
  const { order, ownerId } = await requireOrderAccess((await ctx.params).id, { purpose: 'read', linkToken });
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
        send('retry: 2000\n\n');
        if (!first.done) send(`event: status\ndata: ${JSON.stringify(first.value)}\n\n`);
        for await (const value of watch) send(`event: status\ndata: ${JSON.stringify(value)}\n\n`);
      } catch {
        // The order went away or DynamoDB failed mid-stream: end it; the client reconnects and gets a real answer.
      } finally {
        clearInterval(heartbeat);
        clearTimeout(end);
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
});
