import { createHash } from 'node:crypto';
import { ReadableStream } from 'node:stream/web';
import type { InternalEvent, InternalResult } from '@opennextjs/aws/types/open-next';
import type { Converter } from '@opennextjs/aws/types/overrides';
import { describe, expect, it } from 'vitest';
import { CATALOG_PAGE_CACHE_CONTROL } from '../../server/platform/http/catalog-pages';
import wrapper from './catalog-page-wrapper';

// The wrapper over OpenNext's buffered aws-lambda wrapper, driven with a pass-through converter and a handler that
// answers as OpenNext's core does after Next rendered a page (headers as convertRes leaves them: lower-case, the
// cookie list joined, `set-cookie: ""` when there is none, Next's own no-store Cache-Control).

const NEXT_NO_STORE = 'private, no-cache, no-store, max-age=0, must-revalidate';
const SCRIPT = '(self.__next_f=self.__next_f||[]).push([0])';
const HTML = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async=""></script></head><body><script>${SCRIPT}</script></body></html>`;

function internalEvent(method: string, rawPath: string): InternalEvent {
  return {
    type: 'core',
    method,
    rawPath,
    url: `https://shop.example.test${rawPath}`,
    body: undefined,
    headers: { host: 'shop.example.test' },
    query: {},
    cookies: {},
    remoteAddress: '203.0.113.7',
  };
}

function stream(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(Buffer.from(text));
      controller.close();
    },
  });
}

async function text(body: ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

async function invoke(method: string, path: string, headers: InternalResult['headers'], status = 200): Promise<InternalResult> {
  const converter = {
    name: 'pass-through',
    convertFrom: async (event: { internal: InternalEvent }) => event.internal,
    convertTo: async (result: InternalResult) => result,
  } as unknown as Converter<InternalEvent, InternalResult>;
  // A Lambda event, not the internal one: aws-lambda.js treats anything with a `type` as a warmer ping.
  const handler = async (): Promise<InternalResult> => ({
    type: 'core',
    statusCode: status,
    headers: { ...headers },
    body: stream(HTML) as never,
    isBase64Encoded: false,
  });
  const run = (await wrapper.wrapper(handler, converter)) as unknown as (event: { internal: InternalEvent }) => Promise<InternalResult>;
  return run({ internal: internalEvent(method, path) });
}

describe('catalog-page wrapper (OpenNext package)', () => {
  it('gives a catalog page the shared Cache-Control and the hash CSP over Next’s no-store, though `set-cookie` is an empty key', async () => {
    const r = await invoke('GET', '/p/mug', { 'content-type': 'text/html; charset=utf-8', 'cache-control': NEXT_NO_STORE, 'set-cookie': '' });
    expect(r.headers['cache-control']).toBe(CATALOG_PAGE_CACHE_CONTROL);
    const sha = createHash('sha256').update(SCRIPT, 'utf8').digest('base64');
    expect(r.headers['content-security-policy']).toContain(`'sha256-${sha}'`);
    expect(Object.keys(r.headers).filter((k) => k.toLowerCase() === 'cache-control')).toHaveLength(1);
    expect(await text(r.body)).toBe(HTML);
  });

  it('keeps a catalog page private when it really sets a cookie', async () => {
    const r = await invoke('GET', '/c/mugs', { 'content-type': 'text/html', 'cache-control': NEXT_NO_STORE, 'set-cookie': 'sf_session=x; Path=/; HttpOnly' });
    expect(r.headers['cache-control']).toBe(NEXT_NO_STORE);
  });

  it('leaves a per-shopper page as Next answered it', async () => {
    const r = await invoke('GET', '/cart', { 'content-type': 'text/html', 'cache-control': NEXT_NO_STORE, 'set-cookie': '' });
    expect(r.headers['cache-control']).toBe(NEXT_NO_STORE);
    expect(r.headers['content-security-policy']).toBeUndefined();
  });

  it('does not share an error answer of a catalog path', async () => {
    const r = await invoke('GET', '/p/missing', { 'content-type': 'text/html', 'cache-control': NEXT_NO_STORE, 'set-cookie': '' }, 404);
    expect(r.headers['cache-control']).toBe(NEXT_NO_STORE);
  });
});
