import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import next from 'next';
import { holdCatalogPage } from '../server/platform/http/catalog-page-node';
import { frontDoorRefusal } from '../server/platform/http/front-door';
import { localBindHost } from './bind-host';

// The local production server (`npm start`, e2e/serve.ts, the bench): Next's own request handler behind a Node HTTP
// server we configure, instead of `next start`, which offers no setting for these (issues 19.7, 19.8, 19.10):
// - it listens on 127.0.0.1 unless HOST says otherwise;
// - short header and request timeouts (Node's defaults wait 60 s for headers and 300 s for a body);
// - TRACE/TRACK/CONNECT and a declared body over the limit are refused before Next (server/platform/http/front-door.ts).
// On AWS none of this runs: CloudFront and Lambda set their own limits (docs/deploy.md).
// Usage: node --import tsx local/next-server.ts --port 3000

/** Headers must be complete this long after the connection opens; the whole request (body included) within the second. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 20_000;

const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 3000));
const host = localBindHost();

Object.assign(process.env, { NODE_ENV: 'production' });
const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * An idle keep-alive connection stays open this long. Node's default (5 s) races clients that keep idle sockets for
 * reuse: a request sent on a socket the server is closing at that moment fails with ECONNRESET before any answer (a
 * CI e2e run lost `page.request.get` that way after ~6 s of browser work). Longer than any idle gap in a test, as a
 * Node server behind a load balancer keeps it longer than the balancer's idle timeout; idle sockets hold no request.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

// connectionsCheckingInterval: how often Node checks those timeouts (default 30 s, which would add up to 30 s).
const options = {
  headersTimeout: HEADERS_TIMEOUT_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  connectionsCheckingInterval: 1_000,
};
const server = createServer(options, (req, res) => {
  const refused = frontDoorRefusal(req.method, req.url, req.headers['content-length']);
  if (!refused) {
    // Catalog pages: the hash CSP and the shared-cache header, from the finished HTML (ADR 0006).
    holdCatalogPage(req, res);
    void handle(req, res);
    return;
  }
  // Logged like any answer Next would have given, so probes show up in the server's log.
  console.warn(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'warn',
      msg: 'refused at the front door',
      method: req.method,
      status: refused.status,
      url: req.url?.slice(0, 200),
    }),
  );
  // Connection: close in the refusal: Node closes the socket after the answer instead of reading the body.
  res.writeHead(refused.status, refused.headers).end(refused.body);
});
// A request that timed out (Node's own answer would be a bare 408) or could not be parsed: the JSON error shape,
// unless an answer has already begun, then the connection just closes.
server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
  const started = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (started || !socket.writable) return void socket.destroy();
  const [status, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['408 Request Timeout', 'REQUEST_TIMEOUT', 'The request did not arrive in time.']
      : ['400 Bad Request', 'BAD_REQUEST', 'The request could not be read.'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
});
// CONNECT never reaches the request handler: Node emits it here (without a listener it drops the socket).
server.on('connect', (_req, socket: Socket) => {
  socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
});
server.listen(port, host, () => console.log(`Next.js production server on http://${host}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
