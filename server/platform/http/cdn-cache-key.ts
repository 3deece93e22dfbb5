// What CloudFront keys a shared answer on, from the query string (issue 26 item 4, ADR 0028). Plain TypeScript with
// no imports, like content-negotiation.ts: sst.config.ts puts cdnQueryKey's source into the viewer-request function.
//
// Only the parameters a publicly cached answer reads are in the key, so a link carrying utm_source, gclid, fbclid or
// any other tracking or unknown parameter hits the same cached page as the bare URL. CloudFront still forwards every
// query string to the origin (SST's origin request policy is AllViewerExceptHostHeader), so the JSON routes and the
// no-store pages read whatever they read; only the cache key is narrowed.
//
// A cache policy's own query-string allow-list holds at most 10 names (a CloudFront quota) and this one needs more,
// so the edge folds the allowed ones into one header, x-storefront-query, in a canonical order, and the policy keys on
// that header instead of on query strings (sst.config.ts). Adding a parameter that a cached page, the Markdown
// rendering or the product feed reads means adding it here; cdn-cache-key.unit.test.ts fails for the category page's
// schema until it is.

/** The query strings that change a publicly cached answer (server/platform/http/catalog-pages.ts and cacheable-paths.ts). */
export const CDN_CACHE_KEY_QUERY_STRINGS = [
  // /c/[category]: categoryPageQuerySchema (server/search/search-query.ts).
  'page',
  'sort',
  'price',
  'minRating',
  'inStock',
  'brand',
  'size',
  'colour',
  // /feeds/products.json (cursor, limit) and the Markdown catalog pages (cursor).
  'cursor',
  'limit',
  // Next's Flight cache-busting hash of its router headers (`_rsc`): a prefetch, a segment prefetch and a navigation
  // of the same URL answer differently.
  '_rsc',
  // The image optimiser (/_next/image?url&w&q), behind the same CloudFront behaviour.
  'url',
  'w',
  'q',
] as const;

/** The query string as CloudFront Functions hand it over (cloudfront-js-2.0): name → value, with repeats in multiValue. */
export type EdgeQueryString = Record<string, { value: string; multiValue?: { value: string }[] } | undefined>;

/**
 * The allowed query strings of a request as one canonical string: names sorted, each value percent-encoded (so no
 * value can pass for a separator, and two different requests never share a key), repeated values in their order.
 * '' when none. Self-contained (its source runs at the edge, cloudfront-js-2.0): nothing from outside its body.
 */
export function cdnQueryKey(querystring: EdgeQueryString, allowed: readonly string[]): string {
  const names = Object.keys(querystring)
    .filter((name) => allowed.indexOf(name) !== -1 && querystring[name] !== undefined)
    .sort();
  const out: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = String(names[i]);
    const entry = querystring[name];
    if (!entry) continue;
    const values = entry.multiValue && entry.multiValue.length > 0 ? entry.multiValue : [entry];
    for (let j = 0; j < values.length; j++) out.push(`${name}=${encodeURIComponent(String((values[j] as { value: string }).value))}`);
  }
  return out.join('&');
}
