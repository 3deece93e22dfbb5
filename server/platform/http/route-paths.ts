// Path matching for gates (middleware route protection, route-level flags). Match what the router will route:
// percent-decoded ('/%73tores' is /stores) and without a trailing slash, so an encoded spelling cannot slip past.

export function normaliseRoutePath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes: match on the raw path; the router will not find a page for it either.
  }
  return decoded.length > 1 ? decoded.replace(/\/+$/, '') : decoded;
}

/** True for the prefix itself and anything below it ('/stores', '/stores/x'), not '/storesX'. */
export function isUnderPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}
