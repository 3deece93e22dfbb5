// The shop's pages a shopper can be shown, as route patterns (app/**/page.tsx outside app/admin; a unit test keeps
// the two in step). The page beacon (POST /api/page-views) records only a path one of these matches, so a script
// cannot fill the lake's "top pages" with invented paths (issue 30 L7). A dynamic segment is one decoded path
// segment of letters, digits and `-_.~` (ids, slugs, tracking numbers): no `@`, no spaces, no markup.

const SEGMENT = '[\\p{L}\\p{N}_.~-]{1,120}';

/** Route patterns of the shopper pages; `:name` is a dynamic segment. */
export const SHOP_PAGE_ROUTES = [
  '/',
  '/sign-in',
  '/sign-up',
  '/forgot-password',
  '/help/:topic',
  '/account',
  '/account/addresses',
  '/account/addresses/:id',
  '/account/privacy',
  '/account/security',
  '/alerts/confirm',
  '/alerts/unsubscribe',
  '/c/:category',
  '/carrier/track/:number',
  '/cart',
  '/checkout',
  '/orders',
  '/orders/lookup',
  '/orders/:id',
  '/orders/:id/returns/label',
  '/p/:slug',
  '/search',
  '/stores',
  '/wishlist',
] as const;

const PATTERNS = SHOP_PAGE_ROUTES.map((route) => new RegExp(`^${route === '/' ? '/' : route.replace(/:[a-z]+/g, SEGMENT).replace(/\//g, '\\/')}$`, 'u'));

/** The path percent-decoded (each segment once), or null when an escape is malformed. */
export function decodedPath(path: string): string | null {
  try {
    return path
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    return null;
  }
}

/** True when the (raw) path, decoded, is one of the shop's pages (an encoded `/` inside a segment is not). */
export function isShopPagePath(path: string): boolean {
  const decoded = decodedPath(path);
  if (decoded === null || decoded.split('/').length !== path.split('/').length) return false;
  return PATTERNS.some((pattern) => pattern.test(decoded));
}
