import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER } from './client-address';
import { installPeerAddressHeader } from './peer-address-hook';

// A real node:http server on loopback, as `next start` runs one: the header the handler sees is the socket's address,
// whatever the client sent under that name. Linux lets a client bind any 127/8 source address, so two clients with
// different addresses are two real sockets here.

let server: http.Server;
let port: number;

beforeAll(async () => {
  installPeerAddressHeader();
  installPeerAddressHeader(); // idempotent: a second install must not stamp twice
  server = http.createServer((req, res) => res.end(JSON.stringify(req.headers[PEER_ADDRESS_HEADER] ?? null)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(headers: Record<string, string>, localAddress = '127.0.0.1'): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', headers, localAddress, agent: false }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(JSON.parse(body)));
      })
      .on('error', reject);
  });
}

describe('the peer-address hook', () => {
  it('stamps the socket address over anything the client sent under the same name', async () => {
    expect(await get({})).toBe('127.0.0.1');
    expect(await get({ [PEER_ADDRESS_HEADER]: '198.51.100.66', 'x-forwarded-for': '198.51.100.66' })).toBe('127.0.0.1');
    expect(await get({ [PEER_ADDRESS_HEADER]: '198.51.100.66' }, '127.0.0.42')).toBe('127.0.0.42');
  });
});
