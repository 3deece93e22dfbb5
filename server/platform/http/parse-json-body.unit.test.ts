import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { BODY_IDLE_TIMEOUT_MS } from './body-limits';
import { parseJsonBody } from './respond';

// parseJsonBody's size limit against bodies that do not say how big they are (chunked uploads, a lying
// Content-Length): the answer is 413, and the server stops reading at the limit instead of buffering whatever
// the client keeps sending.

const LIMIT = 64 * 1024;
const CHUNK = 16 * 1024;

/** A body of `total` bytes, produced only as it is read; `pulled()` says how much the reader took. */
function meteredBody(total: number, byte = 0x20) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) return controller.close();
        const n = Math.min(CHUNK, total - sent);
        sent += n;
        controller.enqueue(new Uint8Array(n).fill(byte));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => sent };
}

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request('http://x/', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('parseJsonBody size limit', () => {
  it('stops reading an oversized body without Content-Length at the limit and answers 413', async () => {
    const body = meteredBody(64 * 1024 * 1024);
    const err = await rejection(parseJsonBody(post(body.stream), z.unknown()));
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(err.status).toBe(413);
    // At most one chunk past the limit was taken from the client, not 64 MiB.
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + CHUNK);
  });

  it('does the same when Content-Length understates the body', async () => {
    const body = meteredBody(8 * 1024 * 1024);
    const err = await rejection(parseJsonBody(post(body.stream, { 'content-length': '2' }), z.unknown()));
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + CHUNK);
  });

  it('counts bytes, not characters, and reads a body of exactly the limit', async () => {
    const euros = JSON.stringify('€'.repeat(Math.ceil(LIMIT / 3))); // fewer characters than the limit, more bytes
    expect(euros.length).toBeLessThan(LIMIT);
    expect((await rejection(parseJsonBody(post(euros), z.unknown()))).code).toBe('PAYLOAD_TOO_LARGE');
    const exact = JSON.stringify('x'.repeat(LIMIT - 2));
    expect(Buffer.byteLength(exact)).toBe(LIMIT);
    expect(await parseJsonBody(post(exact), z.string())).toHaveLength(LIMIT - 2);
  });

  it('decodes streamed chunks that split a character, drops a byte-order mark, and replaces bytes that are not UTF-8', async () => {
    const bytes = Buffer.from('\uFEFF{"name":"Zoë €"}', 'utf8');
    const split = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(Uint8Array.of(b)); // one byte at a time
        controller.close();
      },
    });
    expect(await parseJsonBody(post(split), z.object({ name: z.string() }))).toEqual({ name: 'Zoë €' });
    const invalid = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xc0]), Buffer.from('"}')]);
    expect(await parseJsonBody(post(Uint8Array.from(invalid)), z.object({ name: z.string() }))).toEqual({ name: '\uFFFD\uFFFD' });
  });

  it('treats a missing or empty body as no body', async () => {
    expect((await rejection(parseJsonBody(new Request('http://x/', { method: 'POST' }), z.object({})))).code).toBe('VALIDATION_FAILED');
    expect(await parseJsonBody(post(''), z.undefined())).toBeUndefined();
  });
});

// Issue 19.8: a client that declares more than it sends, or stops half way, must not hold the read open for minutes.
describe('parseJsonBody and slow bodies', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a declared Content-Length over the limit before reading a byte', async () => {
    const body = meteredBody(16);
    const err = await rejection(parseJsonBody(post(body.stream, { 'content-length': '100000' }), z.unknown()));
    expect(err.status).toBe(413);
    expect(body.pulled()).toBe(0);
  });

  it('abandons a body that stalls after 16 bytes with 408, and cancels it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let cancelled = false;
    const stalling = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"productId":"p'));
        // ...and nothing more, ever.
      },
      cancel() {
        cancelled = true;
      },
    });
    const pending = rejection(parseJsonBody(post(stalling, { 'content-length': '1000' }), z.unknown()));
    await vi.advanceTimersByTimeAsync(BODY_IDLE_TIMEOUT_MS);
    const err = await pending;
    expect(err.code).toBe('REQUEST_TIMEOUT');
    expect(err.status).toBe(408);
    expect(cancelled).toBe(true);
  });

  it('keeps reading a body whose chunks keep coming, however slowly in total', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const parts = ['{"a":', '1,', '"b":', '2}'];
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = parts.shift();
        if (next === undefined) return controller.close();
        await new Promise((r) => setTimeout(r, BODY_IDLE_TIMEOUT_MS - 1));
        controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const parsed = parseJsonBody(post(slow), z.object({ a: z.number(), b: z.number() }));
    for (let i = 0; i < 4; i++) await vi.advanceTimersByTimeAsync(BODY_IDLE_TIMEOUT_MS - 1);
    expect(await parsed).toEqual({ a: 1, b: 2 });
  });
});
