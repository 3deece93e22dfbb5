import { isUnderPath, normaliseRoutePath } from '../platform/http/route-paths';
import { FLAG_DEFINITIONS, type FlagKey } from './flag-registry';

// Which route-level flag, if any, gates a request path. Pure, so the middleware step and its tests share it.

const ROUTES: readonly (readonly [prefix: string, key: FlagKey])[] = FLAG_DEFINITIONS.flatMap((d) =>
  'routes' in d ? d.routes.map((prefix) => [prefix, d.key] as const) : [],
);

export function routeFlagKey(pathname: string): FlagKey | null {
  const path = normaliseRoutePath(pathname);
  for (const [prefix, key] of ROUTES) if (isUnderPath(path, prefix)) return key;
  return null;
}

export function isApiPath(pathname: string): boolean {
  return isUnderPath(normaliseRoutePath(pathname), '/api');
}
