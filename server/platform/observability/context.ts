import { AsyncLocalStorage } from 'node:async_hooks';
import { processSingleton } from '../runtime';

// The request context: the request id and the downstream calls made on the request's behalf, carried by
// AsyncLocalStorage so the logger, the AWS SDK middleware and the Redis timing know the request without anyone
// threading it by hand. route() (server/platform/http/respond.ts) opens it for every route handler.
//
// One instance per process (a process singleton): Next bundles route handlers, middleware and instrumentation
// separately, and the AWS clients (built once per process too) must read the same store as route().

/** Calls of one downstream service during one request. */
export type ServiceTiming = {
  count: number;
  /** [start, end] in performance.now() milliseconds; at most MAX_INTERVALS kept, the rest summed in extraMs. */
  intervals: [number, number][];
  extraMs: number;
};

export type RequestContext = {
  readonly requestId: string;
  /** performance.now() when the context was opened. */
  readonly startedAt: number;
  readonly services: Map<string, ServiceTiming>;
};

const MAX_INTERVALS = 200;

type Globals = {
  storage?: AsyncLocalStorage<RequestContext>;
  /** Where the request id comes from outside route(): pages (see next-request-scope.ts). */
  fallbackRequestId?: () => string | undefined;
};
const globals = processSingleton<Globals>('observability:context', () => ({}));
const storage = (globals.storage ??= new AsyncLocalStorage<RequestContext>());

export function newRequestContext(requestId: string): RequestContext {
  return { requestId, startedAt: performance.now(), services: new Map() };
}

/** Runs fn with the given context (or a new one for the id) as the current request context. */
export function runWithRequestContext<T>(ctx: RequestContext | string, fn: () => T): T {
  return storage.run(typeof ctx === 'string' ? newRequestContext(ctx) : ctx, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * The current request's id: the route() context's, else the fallback's (a page render), else undefined
 * (startup, stream consumers, timers: work that belongs to no request).
 */
export function currentRequestId(): string | undefined {
  const ctx = storage.getStore();
  if (ctx) return ctx.requestId;
  try {
    return globals.fallbackRequestId?.();
  } catch {
    return undefined;
  }
}

/** Installs the request-id source used where no route() context exists; undefined removes it. */
export function setFallbackRequestId(source: (() => string | undefined) | undefined): void {
  globals.fallbackRequestId = source;
}

/** Records one downstream call into the current request context (no-op outside a request). */
export function recordDownstreamCall(service: string, start: number, end: number, ctx = storage.getStore()): void {
  if (!ctx) return;
  let timing = ctx.services.get(service);
  if (!timing) {
    timing = { count: 0, intervals: [], extraMs: 0 };
    ctx.services.set(service, timing);
  }
  timing.count++;
  if (timing.intervals.length < MAX_INTERVALS) timing.intervals.push([start, end]);
  else timing.extraMs += Math.max(0, end - start);
}

/**
 * Wall time during which at least one call to the service was in flight (overlapping calls, such as a
 * Promise.all of three GetItems, count once), plus any calls past the kept intervals.
 */
export function busyMs(timing: ServiceTiming): number {
  const sorted = [...timing.intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = Number.NaN;
  let curEnd = Number.NaN;
  for (const [start, end] of sorted) {
    if (Number.isNaN(curStart) || start > curEnd) {
      if (!Number.isNaN(curStart)) total += curEnd - curStart;
      curStart = start;
      curEnd = end;
    } else if (end > curEnd) {
      curEnd = end;
    }
  }
  if (!Number.isNaN(curStart)) total += curEnd - curStart;
  return total + timing.extraMs;
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

/**
 * The Server-Timing header value: one entry per downstream service (busy time, call count) and `total`.
 * Names and durations only; services sorted by name so the header is stable.
 */
export function serverTimingHeader(ctx: RequestContext, now = performance.now()): string {
  const entries = [...ctx.services.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, t]) => `${service};dur=${round1(busyMs(t))};desc="${t.count} ${t.count === 1 ? 'call' : 'calls'}"`);
  entries.push(`total;dur=${round1(now - ctx.startedAt)}`);
  return entries.join(', ');
}
