import http from 'node:http';
import net from 'node:net';

// The front of cognito-local (issue 30 L11). cognito-local answers every request with `Access-Control-Allow-Origin: *`
// and has admin operations that need no credentials (ListUsers, AdminGetUser…), so any web page the developer opened
// could read the local user list from the browser, and a DNS-rebinding page could do the same by name. Only the shop's
// server talks to it (the AWS SDK: no Origin, Host 127.0.0.1), so this proxy, on the port the app is given, passes
// exactly that on and refuses the rest:
//   - a request carrying an Origin header (every cross-origin browser request, preflights included): 403;
//   - a Host that is not this proxy by a loopback name (or, with HOST widened, an IP literal): 403, so a page
//     whose DNS name was rebound to 127.0.0.1 gets nothing;
//   - CORS headers are dropped from every answer, so no browser ever reads one.
// cognito-local itself listens on a private loopback port that only this proxy knows.

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

/** Whether a Host header names this proxy: a loopback name (or the bind address) and our port. */
export function isOwnHost(host: string | undefined, port: number, bindHost: string): boolean {
  if (!host) return false;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:]+):(\d+)$/.exec(host.trim().toLowerCase());
  if (!match || Number(match[2]) !== port) return false;
  const name = match[1] as string;
  if (LOOPBACK_NAMES.has(name) || name === bindHost.toLowerCase()) return true;
  // Widened (HOST=0.0.0.0 for a phone on the LAN): any IP literal, never a DNS name (rebinding needs one).
  return WILDCARD_BINDS.has(bindHost) && net.isIP(name.replace(/^\[|\]$/g, '')) !== 0;
}

function refuse(res: http.ServerResponse, message: string): void {
  const body = JSON.stringify({ __type: 'AccessDeniedException', message });
  res.writeHead(403, { 'Content-Type': 'application/x-amz-json-1.1', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

export type CognitoProxy = { close: () => Promise<void> };

export async function startCognitoProxy(opts: { port: number; bindHost: string; targetPort: number }): Promise<CognitoProxy> {
  const server = http.createServer((req, res) => {
    if (req.headers.origin !== undefined) return refuse(res, 'cognito-local answers the local shop server only, not web pages.');
    if (!isOwnHost(req.headers.host, opts.port, opts.bindHost)) return refuse(res, 'Unknown Host for cognito-local.');
    const upstream = http.request({ host: '127.0.0.1', port: opts.targetPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !name.toLowerCase().startsWith('access-control-')));
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) {
        res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end('cognito-local did not answer\n');
      } else res.destroy();
    });
    // The client gave up (the SDK's request timeout against a frozen cognito-local): drop the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.bindHost, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
