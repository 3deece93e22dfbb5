import { isIPv4, isIPv6 } from 'node:net';
import { getConfig } from '../config';

// Who is asking, for per-address rate limits: a bucket key, never nothing. A client writes whatever it likes into
// X-Forwarded-For, so only entries our own proxies appended count:
//   trustedProxyHops = 0 (locally, `next start` with no proxy): the TCP peer, which the server hook stamps on every
//     request (peer-address-hook.ts) over anything the client sent. Next itself only fills X-Forwarded-For when the
//     client sent none (`??=` in base-server), so that header says nothing about the socket.
//   trustedProxyHops = N: the entry N from the right — the address the outermost of our N proxies saw. Behind
//     CloudFront in front of a Lambda function URL, CloudFront appends the viewer and the URL service appends
//     CloudFront: N = 2 (sst.config.ts).
// An address that does not parse — junk in the header, or no peer known — is one shared bucket, `unknown`: treating
// it as "no address" would let a client skip the per-address limit by sending junk. IPv6 counts per /64, the block
// one subscriber gets, so rotating through its 2^64 addresses buys an attacker nothing.

export const PEER_ADDRESS_HEADER = 'x-storefront-peer-address';
export const UNKNOWN_ADDRESS_BUCKET = 'unknown';

const MAX_ADDRESS_LENGTH = 64;

/** 8 hextets of a valid IPv6 address (with an embedded IPv4 tail expanded). */
function hextets(v6: string): number[] {
  const [head = '', tail] = v6.split('::') as [string, string | undefined];
  const groups = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [g];
          const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right].map((g) => Number.parseInt(g, 16));
}

/** The bucket of one address as a proxy or the socket wrote it: `v4:a.b.c.d`, `v6:<first 64 bits>::/64`, or unknown. */
export function addressBucket(raw: string | null | undefined): string {
  let value = (raw ?? '').trim();
  if (value === '' || value.length > MAX_ADDRESS_LENGTH) return UNKNOWN_ADDRESS_BUCKET;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (isIPv4(value)) return `v4:${value}`;
  value = value.replace(/%[0-9A-Za-z._~-]+$/, ''); // a zone id (fe80::1%eth0) names our interface, not the client
  if (!isIPv6(value)) return UNKNOWN_ADDRESS_BUCKET;
  const h = hextets(value);
  // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d; it is that IPv4 address.
  if (h.slice(0, 5).every((g) => g === 0) && h[5] === 0xffff) {
    return `v4:${[h[6]! >> 8, h[6]! & 255, h[7]! >> 8, h[7]! & 255].join('.')}`;
  }
  return `v6:${h
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/**
 * The network around an address bucket, for limits a client could spread over neighbouring addresses: an IPv4 /24
 * (`v4net:a.b.c.0/24`) or an IPv6 /48, a site's whole allocation (`v6net:<first 48 bits>::/48`); `unknown` stays one.
 */
export function networkBucket(bucket: string): string {
  if (bucket.startsWith('v4:')) return `v4net:${bucket.slice(3).split('.').slice(0, 3).join('.')}.0/24`;
  if (bucket.startsWith('v6:')) return `v6net:${bucket.slice(3).split(':').slice(0, 3).join(':')}::/48`;
  return bucket;
}

/** The caller's bucket for per-address limits, trusting X-Forwarded-For only as far as our own proxies wrote it. */
export function clientAddressBucket(headers: Headers, trustedProxyHops: number): string {
  const hops = Math.max(0, Math.floor(trustedProxyHops));
  if (hops === 0) return addressBucket(headers.get(PEER_ADDRESS_HEADER));
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // No header: nothing of ours forwarded this request, so the peer is the client. Fewer entries than hops: the
  // request came through fewer proxies, and the left-most is what the first of them saw.
  if (forwarded.length === 0) return addressBucket(headers.get(PEER_ADDRESS_HEADER));
  return addressBucket(forwarded[Math.max(0, forwarded.length - hops)]);
}

/** The bucket of a route handler's request, with TRUSTED_PROXY_HOPS from the config. */
export function requestAddressBucket(req: Request): string {
  return clientAddressBucket(req.headers, getConfig().TRUSTED_PROXY_HOPS);
}
