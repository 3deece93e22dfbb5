import { isUnderPath, normaliseRoutePath } from './route-paths';

// Paths whose answer is the same for everyone and says so (`Cache-Control: public`): the sitemaps, robots.txt, the
// icon, the product images, and what agents read (llms.txt, the product feed, the Markdown catalog pages), and the search box's type-ahead. A shared cache must never store a Set-Cookie with them (issue 19.10), so middleware
// skips the steps that can set one there (the session refresh, the sf_anon mint): nothing on these paths reads
// either.
const CACHEABLE_EXACT = new Set(['/sitemap.xml', '/robots.txt', '/icon.svg', '/favicon.ico', '/llms.txt', '/api/search/suggest']);
const CACHEABLE_UNDER = ['/sitemaps', '/images', '/feeds', '/md'];

export function isCacheablePath(pathname: string): boolean {
  const path = normaliseRoutePath(pathname);
  return CACHEABLE_EXACT.has(path) || CACHEABLE_UNDER.some((prefix) => isUnderPath(path, prefix));
}
