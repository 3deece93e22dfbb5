import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
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
