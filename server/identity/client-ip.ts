// The caller's address for per-IP rate limiting. Route handlers never see the socket, so it comes from
// X-Forwarded-For, read from the right: each proxy appends the address it received the request from, so entries to
// the left of the ones our own proxies wrote are whatever the client chose to send. With `next start` and no proxy,
// Next fills the header from the socket when the client sent none.
//
// trustedProxyHops = how many proxies of ours append to the header (1: the address the nearest proxy saw — or the
// socket, when there is no proxy). Behind CloudFront in front of a Lambda function URL, CloudFront appends the viewer
// and the URL service appends CloudFront, so 2 is right there (see docs/identity.md). Too low a value only makes
// shoppers behind one edge share a bucket; too high lets a client pick its own bucket, and the per-account limit
// still holds either way.

export const DEFAULT_TRUSTED_PROXY_HOPS = 1;

const MAX_IP_LENGTH = 64;

export function clientIp(headers: Headers, trustedProxyHops = DEFAULT_TRUSTED_PROXY_HOPS): string | null {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const hops = Math.max(1, Math.floor(trustedProxyHops));
  // Fewer entries than trusted hops: the left-most is the best we have (the request came through fewer proxies).
  const candidate = forwarded.length === 0 ? headers.get('x-real-ip')?.trim() : forwarded[Math.max(0, forwarded.length - hops)];
  if (!candidate || candidate.length > MAX_IP_LENGTH || !/^[0-9A-Fa-f:.]+$/.test(candidate)) return null;
  return candidate;
}
