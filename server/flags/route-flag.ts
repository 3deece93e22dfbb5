import { FLAG_DEFINITIONS, type FlagKey } from './flag-registry';

// Which route-level flag, if any, gates a request path. Pure, so the middleware step and its tests share it.

const ROUTES: readonly (readonly [prefix: string, key: FlagKey])[] = FLAG_DEFINITIONS.flatMap((d) =>
  'routes' in d ? d.routes.map((prefix) => [prefix, d.key] as const) : [],
);

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

// Match what the router will route: percent-decoded ('/%73tores' is /stores), no trailing slash. A gate that
// matched only the literal spelling would be bypassed by an encoded one.
function normalise(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes: match on the raw path; the router will not find a page for it either.
  }
  return decoded.length > 1 ? decoded.replace(/\/+$/, '') : decoded;
}

export function routeFlagKey(pathname: string): FlagKey | null {
  const path = normalise(pathname);
  for (const [prefix, key] of ROUTES) if (isUnder(path, prefix)) return key;
  return null;
}

export function isApiPath(pathname: string): boolean {
  return isUnder(normalise(pathname), '/api');
}
