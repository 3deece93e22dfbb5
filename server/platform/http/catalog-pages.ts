import { catalogPageCacheLife } from '../cache/tags';
import { normaliseRoutePath } from './route-paths';

// The catalog pages: the same HTML for every shopper, so a shared cache (CloudFront; Varnish in the bench) may keep
// them (ADR 0003, 0006). Their render reads no cookie and no header; whatever is per shopper (header cart count and
// name, recommendations, flags) is a client island fed by a `no-store` JSON route (/api/shopper, …). Middleware
// skips the session refresh and the sf_anon mint on them (a cached answer must never carry Set-Cookie), and they
// get the script-hash CSP instead of a nonce (server/platform/http/catalog-page-response.ts).

// The help pages (/help/shipping, …; content/help/) read no table and nothing per shopper: shared like the rest.
const SLUG_PAGE = /^\/(c|p|help)\/[^/]+$/;
const CATALOG_SLUG_PAGE = /^\/(c|p)\/[^/]+$/;

export function isCatalogPagePath(pathname: string): boolean {
  const path = normaliseRoutePath(pathname);
  return path === '/' || SLUG_PAGE.test(path);
}

/** The pages app/md renders as Markdown for agents: home, categories and products (not the help pages). */
export function hasMarkdownRendering(pathname: string): boolean {
  const path = normaliseRoutePath(pathname);
  return path === '/' || CATALOG_SLUG_PAGE.test(path);
}

/** Browsers revalidate every time (max-age=0); shared caches keep the page briefly (server/platform/cache/tags.ts). */
export const CATALOG_PAGE_CACHE_CONTROL = `public, max-age=0, s-maxage=${catalogPageCacheLife.sMaxAge}, stale-while-revalidate=${catalogPageCacheLife.staleWhileRevalidate}`;
