import { getConfig } from '../platform/config';
import { logger, logOnce } from '../platform/observability';
import { processSingleton } from '../platform/runtime';
import type { AnalyticsEvent } from './event-schema';
import { writeFirehoseBatch } from './firehose-writer';
import { eventDay, toLakeRow } from './lake-columns';
import { writeLakeBatch } from './local-lake-writer';

// The in-process buffer between requests and the lake. Requests only push (after their response); a flush writes
// the whole buffer as one batch: every ANALYTICS_FLUSH_MS on a timer, at once when 500 are waiting, and at the end
// of each request on AWS (a Lambda is frozen between invocations, so its timer cannot be relied on). The buffer is
// bounded: while the lake is unreachable, events beyond 10,000 are dropped and counted, never queued without end.

const FLUSH_AT = 500;
const MAX_BUFFERED = 10_000;
const outages = logOnce('analytics', logger.child({ component: 'analytics' }));

type Sink = { kind: 'local'; lakeDir: string } | { kind: 'firehose'; stream: string };

export function analyticsSink(): Sink | null {
  const { ANALYTICS_LAKE_DIR, ANALYTICS_FIREHOSE_STREAM } = getConfig();
  if (ANALYTICS_FIREHOSE_STREAM) return { kind: 'firehose', stream: ANALYTICS_FIREHOSE_STREAM };
  if (ANALYTICS_LAKE_DIR) return { kind: 'local', lakeDir: ANALYTICS_LAKE_DIR };
  return null;
}

const state = processSingleton('analytics-buffer', () => ({
  events: [] as AnalyticsEvent[],
  dropped: 0,
  timer: null as NodeJS.Timeout | null,
  flushing: null as Promise<void> | null,
}));

export function enqueueEvent(event: AnalyticsEvent): void {
  if (state.events.length >= MAX_BUFFERED) {
    state.dropped++;
    outages.log('buffer-full', 'analytics buffer full: dropping events until the lake answers', { max: MAX_BUFFERED });
    return;
  }
  state.events.push(event);
  if (state.events.length >= FLUSH_AT) void flushEvents();
  else armTimer();
}

function armTimer(): void {
  if (state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    void flushEvents();
  }, getConfig().ANALYTICS_FLUSH_MS);
  // The timer never keeps a process (a test, a script) alive on its own.
  state.timer.unref();
}

async function writeBatch(sink: Sink, batch: AnalyticsEvent[]): Promise<void> {
  const rows = batch.map(toLakeRow);
  if (sink.kind === 'local') {
    await writeLakeBatch(
      sink.lakeDir,
      rows.map((row) => ({ ...row, dt: eventDay(Number(row.at_ms)) })),
    );
  } else {
    const { failed } = await writeFirehoseBatch(sink.stream, rows);
    if (failed > 0) outages.log('firehose-partial', 'Firehose refused some analytics events', { failed });
  }
}

/** Writes everything buffered so far. Never throws: a failed batch goes back to the buffer (within its bound). */
export async function flushEvents(): Promise<void> {
  // One flush at a time; a caller arriving during one waits for it and then flushes what came in meanwhile.
  while (state.flushing) await state.flushing;
  if (state.events.length === 0) return;
  const sink = analyticsSink();
  const batch = state.events.splice(0, state.events.length);
  if (!sink) return;
  state.flushing = writeBatch(sink, batch)
    .then(() => outages.recovered('write'))
    .catch((err: unknown) => {
      outages.log('write', 'analytics batch not written; kept for the next flush', { err: String(err), events: batch.length });
      const room = Math.max(0, MAX_BUFFERED - state.events.length);
      state.events.unshift(...batch.slice(0, room));
      state.dropped += batch.length - Math.min(room, batch.length);
      armTimer();
    })
    .finally(() => {
      state.flushing = null;
    });
  await state.flushing;
}
