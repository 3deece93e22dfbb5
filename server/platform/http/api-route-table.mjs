import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The JSON routes on disk and the methods each exports, read from app/api/**/route.ts by next.config.mjs at build
// time and baked into the middleware bundle (STOREFRONT_API_ROUTES), so middleware can answer a wrong method with
// a JSON 405 and an Allow header (server/platform/http/method-gate.ts) instead of Next's empty one. Plain JavaScript: next.config.mjs
// loads it before any TypeScript is compiled. Catch-all folders ([...x], [[...x]]) are left out: app/api/[[...unknown]]
// is the JSON 404 for every path no route serves, whatever the method.

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
// `export const GET = route(...)`, `export async function POST(`, `export function PATCH(`.
const EXPORTED_METHOD = /^export\s+(?:const|let|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm;

/** @returns {{ path: string; methods: string[] }[]} each route ('/api/orders/[id]') with its exported methods, sorted. */
export function scanApiRoutes(appDir) {
  const apiDir = path.join(appDir, 'api');
  const routes = [];
  for (const file of readdirSync(apiDir, { recursive: true, encoding: 'utf8' })) {
    if (path.basename(file) !== 'route.ts') continue;
    const segments = path
      .dirname(file)
      .split(path.sep)
      .filter((s) => s !== '.');
    if (segments.some((s) => s.startsWith('[...') || s.startsWith('[[...'))) continue;
    const source = readFileSync(path.join(apiDir, file), 'utf8');
    const methods = [...new Set([...source.matchAll(EXPORTED_METHOD)].map((m) => m[1]))];
    if (methods.length > 0) routes.push({ path: ['/api', ...segments].join('/'), methods: METHODS.filter((m) => methods.includes(m)) });
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}
