import { tracingChannel } from 'node:diagnostics_channel';
import { processSingleton } from '../runtime';
import { currentRequestContext, type RequestContext, recordDownstreamCall } from './context';

// Redis time in Server-Timing, without wrapping the client: ioredis (5.10+) publishes every command on the
// `ioredis:command` tracing channel. `start` fires synchronously in the caller's async context (so the request
// context is still current); the settle events only need the context object the start handler tagged.
// Pipelined commands each publish and overlap; Server-Timing counts their overlap once (context.ts busyMs).

type Traced = { __storefront?: { ctx: RequestContext; start: number } };

/** Subscribes once per process (diagnostics channels are process-wide, whichever bundle loads this). */
export function subscribeRedisTiming(): void {
  const subscribed = processSingleton('observability:redis-timing', () => ({ done: false }));
  if (subscribed.done) return;
  subscribed.done = true;
  const settle = (message: unknown) => {
    const tag = (message as Traced).__storefront;
    if (!tag) return;
    (message as Traced).__storefront = undefined;
    recordDownstreamCall('redis', tag.start, performance.now(), tag.ctx);
  };
  tracingChannel('ioredis:command').subscribe({
    start(message) {
      const ctx = currentRequestContext();
      if (ctx && typeof message === 'object' && message !== null) (message as Traced).__storefront = { ctx, start: performance.now() };
    },
    end() {},
    asyncStart() {},
    asyncEnd: settle,
    error: settle,
  });
}
