import http from 'node:http';
import { processSingleton } from '../runtime';
import { PEER_ADDRESS_HEADER } from './client-address';

// Route handlers never see the socket, and Next keeps a client's own X-Forwarded-For as it came. This hook, installed
// once at server start (instrumentation.ts), writes the TCP peer's address into PEER_ADDRESS_HEADER of every request
// a node:http server receives — after removing whatever the client sent under that name — before Next reads it.
// On Lambda there is no node:http server and nothing is stamped: there TRUSTED_PROXY_HOPS ≥ 1 reads the proxies'
// X-Forwarded-For instead (client-address.ts).

export function installPeerAddressHeader(): void {
  processSingleton('peer-address-hook', () => {
    const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    http.Server.prototype.emit = function emitWithPeerAddress(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'request' && args[0] instanceof http.IncomingMessage) {
        const req = args[0];
        delete req.headers[PEER_ADDRESS_HEADER];
        if (req.socket?.remoteAddress) req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress;
      }
      return emit.call(this, event, ...args);
    };
    return true;
  });
}
