import { isUnderPath, normaliseRoutePath } from './route-paths';

// Middleware's answer to a method nothing here serves (issue 19.7): a JSON 405 with `Allow` for a JSON route
// (Next's own is an empty body), and a 405 for a method no page takes. The route table comes from app/api on disk,
// read at build time (server/platform/http/api-route-table.mjs, via next.config.mjs). Unknown /api paths are not decided
// here: app/api/[[...unknown]]/route.ts answers them with a JSON 404 from Next's own routing, so a route added while
// `next dev` runs works before the table is rebuilt. TRACE, TRACK and CONNECT never get this far: a fetch Request
// cannot carry them, so the server in front refuses them (local/next-server.ts; CloudFront allows none of them).

type ApiRoute = { path: string; methods: string[] };
type CompiledRoute = { segments: string[]; dynamic: number; allow: string };

/** Methods a page (or a server action, a form post) takes; anything else is refused before rendering. */
const PAGE_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];

function compile(routes: ApiRoute[]): CompiledRoute[] {
  return routes
    .map((r) => {
      const segments = r.path.split('/').filter(Boolean);
      // Next answers HEAD for a GET and OPTIONS for every route by itself.
      const methods = new Set([...r.methods, ...(r.methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS']);
      return { segments, dynamic: segments.filter((s) => s.startsWith('[')).length, allow: [...methods].sort().join(', ') };
    })
    .sort((a, b) => a.dynamic - b.dynamic);
}

let table: CompiledRoute[] | undefined;
function apiTable(): CompiledRoute[] {
  if (!table) {
    let routes: ApiRoute[] = [];
    // `next dev` read the table when it started: a method added since would get a false 405, so dev leaves the
    // JSON routes' methods to Next (an empty 405) and production builds answer them here.
    if (process.env.NODE_ENV === 'development') return (table = []);
    try {
      routes = JSON.parse(process.env.STOREFRONT_API_ROUTES ?? '[]') as ApiRoute[];
    } catch {
      // No table (a handler test without a build): no 405s from here, Next's own apply.
    }
    table = compile(routes);
  }
  return table;
}

const isApiPath = (pathname: string) => isUnderPath(normaliseRoutePath(pathname), '/api');

function matches(route: CompiledRoute, parts: string[]): boolean {
  return route.segments.length === parts.length && route.segments.every((s, i) => s.startsWith('[') || s === parts[i]);
}

/** The Allow header value for a path, or null when no JSON route (page: the page methods) is known there. */
function allowedMethods(pathname: string, routes?: ApiRoute[]): string | null {
  if (!isApiPath(pathname)) return [...PAGE_METHODS].sort().join(', ');
  const parts = normaliseRoutePath(pathname).split('/').filter(Boolean);
  // Static segments first (fewest dynamic ones), as Next's router picks.
  const route = (routes ? compile(routes) : apiTable()).find((r) => matches(r, parts));
  return route?.allow ?? null;
}

/** A 405 for a method nothing at this path serves, else null (carry on). */
export function refuseMethod(method: string, pathname: string, routes?: ApiRoute[]): Response | null {
  const allow = allowedMethods(pathname, routes);
  if (allow === null || allow.split(', ').includes(method)) return null;
  const headers = { Allow: allow, 'Cache-Control': 'no-store' };
  if (!isApiPath(pathname)) return new Response('Method not allowed.\n', { status: 405, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  return Response.json({ error: { code: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed here. Allowed: ${allow}.` } }, { status: 405, headers });
}
