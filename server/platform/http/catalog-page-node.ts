import type { IncomingMessage, ServerResponse } from 'node:http';
import { finishCatalogPage, isCatalogPageRequest } from './catalog-page-response';
import { policyContextFor } from './security-headers';

// The Node server's adapter for catalog-page-response.ts (local/next-server.ts): holds a catalog page's answer
// until Next has written all of it, then sets the hash CSP and Cache-Control and sends it in one piece. The page no
// longer streams to the client; behind a CDN only misses come here, and the header must precede the body anyway.

type Chunk = string | Uint8Array;
type Callback = (err?: Error | null) => void;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk);
}

export function holdCatalogPage(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  if (!isCatalogPageRequest(req.method ?? 'GET', url.pathname)) return;
  const chunks: Buffer[] = [];
  const end = res.end.bind(res) as (body: Buffer, cb?: () => void) => ServerResponse;
  // Node's own end() writes the head through this.writeHead (_implicitHeader): the original must be back by then.
  const writeHead = res.writeHead;

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((r) => typeof r === 'object' && r !== null);
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string);
    }
    return res;
  }) as ServerResponse['writeHead'];
  res.flushHeaders = () => {};
  res.write = ((chunk: Chunk, encoding?: BufferEncoding | Callback, cb?: Callback) => {
    chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
    const done = typeof encoding === 'function' ? encoding : cb;
    done?.(null);
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: Chunk | (() => void), encoding?: BufferEncoding | (() => void), cb?: () => void) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
    const done = [chunk, encoding, cb].find((c) => typeof c === 'function') as (() => void) | undefined;
    const body = Buffer.concat(chunks);
    const headers = finishCatalogPage(
      {
        method: req.method ?? 'GET',
        pathname: url.pathname,
        status: res.statusCode,
        contentType: res.getHeader('content-type')?.toString(),
        contentEncoding: res.getHeader('content-encoding')?.toString(),
        setsCookie: res.hasHeader('set-cookie'),
        vary: res.getHeader('vary')?.toString(),
        body,
      },
      policyContextFor(url, false),
    );
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.removeHeader('transfer-encoding');
    res.setHeader('content-length', body.byteLength);
    res.writeHead = writeHead;
    return end(body, done);
  }) as ServerResponse['end'];
}
