import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Test-only: a 127.0.0.1 HTTP server that answers the Stripe client with recorded replies (fixtures/) and keeps
// every request it got (method, path, headers, the form-encoded body), so a test asserts both halves of the
// mapping: what the adapter sent and what it made of the answer.

type Reply = { match: { method: string; path: string; bodyIncludes?: string }; status: number; body: unknown };
export type Received = { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: string };

export async function startStripeReplay(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const { replies } = JSON.parse(readFileSync(new URL('./fixtures/stripe-responses.json', import.meta.url), 'utf8')) as { replies: Reply[] };
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const decoded = decodeURIComponent(body.replace(/\+/g, ' '));
      received.push({ method: req.method ?? 'GET', path, headers: req.headers, body: decoded });
      const reply = replies.find(
        (r) => r.match.method === req.method && r.match.path === path && (!r.match.bodyIncludes || decoded.includes(r.match.bodyIncludes)),
      );
      res.writeHead(reply?.status ?? 404, { 'content-type': 'application/json', 'request-id': `req_${received.length}` });
      res.end(JSON.stringify(reply?.body ?? { error: { type: 'invalid_request_error', message: `no recorded reply for ${req.method} ${path}` } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
