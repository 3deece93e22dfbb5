// Headers only Next, OpenNext, the CDN or our own middleware may set: a client sending them must gain nothing. The
// one list, used twice: the CloudFront viewer-request function strips them at the edge (sst.config.ts) and
// middleware.ts strips them again, so a client forging one gains nothing even if one layer is bypassed.
//
// Prefixes, not exact names: Next adds new internal headers between versions (x-middleware-subrequest,
// x-middleware-prefetch, x-nextjs-data, x-next-revalidated-tags, x-invoke-path, ...) and a prefix covers the next
// one too. Entries without a trailing '-' are whole names that also match longer ones (x-isr, x-isr-...).
// Plain TypeScript with no imports: sst.config.ts bundles it into its program (tsconfig.sst.json type-checks it).
// Not here: headers browsers send on purpose (next-action, rsc, next-router-state-tree, next-url).
export const INTERNAL_HEADER_PREFIXES = [
  'x-middleware-', // x-middleware-subrequest (CVE-2025-29927), -prefetch, -rewrite, -next, -request-*, -set-cookie
  'x-nextjs-', // x-nextjs-data, x-nextjs-cache, x-nextjs-rewrite, x-nextjs-matched-path
  'x-next-', // x-next-revalidated-tags, x-next-revalidate-tag-token, x-next-cache-tags
  'x-now-route-matches',
  'x-matched-path',
  'x-invoke-', // x-invoke-path, -query, -status, -output, -error
  'x-prerender-revalidate',
  'x-isr',
  'x-opennext',
  'x-storefront-', // our own middleware → page forwarding (server/platform/observability/request-id.ts)
] as const;

/** True for a header name (any case) only Next, the CDN or our middleware may set. */
export function isInternalHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return INTERNAL_HEADER_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Removes every internal header from `headers` (middleware, on the headers it forwards). */
export function stripInternalHeaders(headers: Headers): void {
  // Collected first: deleting while iterating a Headers object skips entries.
  const internal = [...headers.keys()].filter(isInternalHeader);
  for (const name of internal) headers.delete(name);
}
