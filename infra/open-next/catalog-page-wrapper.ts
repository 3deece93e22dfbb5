// OpenNext wrapper override (open-next.config.ts, open-next.local.config.ts): OpenNext's buffered `aws-lambda`
// wrapper with the catalog pages' last step in front of its converter — the same finishCatalogPage() that
// local/next-server.ts runs (server/platform/http/catalog-page-node.ts), so the Lambda answers a catalog page with the hash
// CSP of its own HTML and the shared-cache header CloudFront keys on (ADR 0006). Buffered on purpose: the hashes
// must be in the headers, which precede the body; a streaming wrapper would send them first.
import { ReadableStream } from 'node:stream/web';
import awsLambda from '@opennextjs/aws/overrides/wrappers/aws-lambda.js';
import type { InternalEvent, InternalResult } from '@opennextjs/aws/types/open-next';
import type { OpenNextHandler, Wrapper } from '@opennextjs/aws/types/overrides';
import { finishCatalogPage, isCatalogPageRequest } from '../../server/platform/http/catalog-page-response';
import { policyContextFor } from '../../server/platform/http/security-headers';

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function headerOf(headers: InternalResult['headers'], name: string): string | string[] | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

// OpenNext's converted result always has a `set-cookie` key (OpenNextNodeResponse.getFixedHeaders puts its cookie
// list there, and parseHeaders joins an empty list to ""), so presence alone is no Set-Cookie: that reading marked
// every catalog page as setting a cookie and left Next's `private, no-cache, no-store` on it.
function setsCookie(headers: InternalResult['headers']): boolean {
  const value = headerOf(headers, 'set-cookie');
  return Array.isArray(value) ? value.some((v) => v.trim() !== '') : value !== undefined && value.trim() !== '';
}

function setHeader(headers: InternalResult['headers'], name: string, value: string): void {
  for (const k of Object.keys(headers)) if (k.toLowerCase() === name.toLowerCase()) delete headers[k];
  headers[name.toLowerCase()] = value;
}

function withCatalogPages(handler: OpenNextHandler<InternalEvent, InternalResult>): OpenNextHandler<InternalEvent, InternalResult> {
  return async (event, options) => {
    const result = await handler(event, options);
    const url = new URL(event.url, `https://${event.headers.host ?? 'localhost'}`);
    if (!isCatalogPageRequest(event.method, url.pathname)) return result;
    const chunks: Buffer[] = [];
    for await (const chunk of result.body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
    const body = Buffer.concat(chunks);
    const headers = finishCatalogPage(
      {
        method: event.method,
        pathname: url.pathname,
        status: result.statusCode,
        contentType: first(headerOf(result.headers, 'content-type')),
        contentEncoding: first(headerOf(result.headers, 'content-encoding')),
        setsCookie: setsCookie(result.headers),
        vary: [headerOf(result.headers, 'vary')].flat().filter(Boolean).join(', '),
        body,
      },
      policyContextFor(new URL(`https://${event.headers.host ?? 'localhost'}${url.pathname}`), false),
    );
    for (const [name, value] of Object.entries(headers)) setHeader(result.headers, name, value);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body);
        controller.close();
      },
    });
    return { ...result, body: stream };
  };
}

const wrapper: Wrapper<InternalEvent, InternalResult> = {
  name: 'catalog-pages-aws-lambda',
  supportStreaming: false,
  wrapper: (handler, converter) => awsLambda.wrapper(withCatalogPages(handler), converter),
};

export default wrapper;
