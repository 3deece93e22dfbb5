// First-load JavaScript per app route, from the build's own manifests: the root main files every page loads
// (build-manifest.json `rootMainFiles`) plus the route's entry chunks (layout, page, not-found, global-error) from
// its client-reference manifest. Each distinct chunk is gzipped (level 9) once and counted once per route.
// `sharedGzipBytes` is the part every route loads (React, the Next runtime): the floor no page can go under.
// Polyfills are left out: they load with `nomodule`, which modern browsers skip.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface RouteJs {
  route: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  /** What CloudFront serves to browsers that accept br; context only, the budget is gzip. */
  brotliBytes: number;
  sharedGzipBytes: number;
}

type Sizes = { raw: number; gzip: number; brotli: number };
const gzipCache = new Map<string, Sizes>();

function sizeOf(distDir: string, file: string): Sizes {
  const key = file.replace(/^\/?_next\//, '');
  let size = gzipCache.get(key);
  if (!size) {
    const buf = readFileSync(path.join(distDir, key));
    size = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotliCompressSync(buf).length };
    gzipCache.set(key, size);
  }
  return size;
}

function entryFiles(distDir: string, route: string): string[] {
  const segment = route === '/' ? '' : route;
  const file = path.join(distDir, 'server', 'app', segment, 'page_client-reference-manifest.js');
  if (!existsSync(file)) throw new Error(`no client-reference manifest for ${route} (${file})`);
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[...]; run it in an empty context.
  const context: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  context.__RSC_MANIFEST = {};
  vm.runInNewContext(readFileSync(file, 'utf8').replaceAll('globalThis.', ''), context);
  const manifest = context.__RSC_MANIFEST[`${segment}/page`];
  if (!manifest?.entryJSFiles) throw new Error(`manifest for ${route} has no entryJSFiles`);
  return Object.values(manifest.entryJSFiles).flat();
}

export function firstLoadJs(distDir: string, routes: string[]): RouteJs[] {
  const build = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  const root = (build.rootMainFiles ?? []).map((f) => f.replace(/^\/?_next\//, ''));
  const sharedGzipBytes = root.reduce((sum, f) => sum + sizeOf(distDir, f).gzip, 0);
  return routes.map((route) => {
    const files = [...new Set([...root, ...entryFiles(distDir, route)].map((f) => f.replace(/^\/?_next\//, '')))];
    let rawBytes = 0;
    let gzipBytes = 0;
    let brotliBytes = 0;
    for (const f of files) {
      const s = sizeOf(distDir, f);
      rawBytes += s.raw;
      gzipBytes += s.gzip;
      brotliBytes += s.brotli;
    }
    return { route, files: files.length, rawBytes, gzipBytes, brotliBytes, sharedGzipBytes };
  });
}
