import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { CATALOG_PAGE_CACHE_CONTROL, isCatalogPagePath } from './catalog-pages';
import { hashedPageContentSecurityPolicy, type PolicyContext } from './security-headers';

// The last step of a catalog page's answer, the same on every server this app runs on (local/next-server.ts through
// catalog-page-node.ts; the Lambda through infra/open-next/catalog-page-wrapper.ts): from the finished HTML, the
// script-hash CSP and the shared-cache header (ADR 0006). A CDN stores both headers with the body, so every hit
// carries the hashes of exactly the HTML it serves; the origin computes them once per render (one pass over the
// HTML, a SHA-256 per inline script).

// An inline script: `<script …>text</script>` without src. Quoted attribute values may contain '>'.
const SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /\ssrc\s*=/i;

/** Base64 SHA-256 of each distinct inline script's text, in document order: what `'sha256-…'` sources name. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attributes)) continue;
    hashes.add(createHash('sha256').update(text, 'utf8').digest('base64'));
  }
  return [...hashes];
}

function decoded(body: Buffer, contentEncoding: string | undefined): Buffer {
  switch (contentEncoding?.trim().toLowerCase()) {
    case 'gzip':
      return gunzipSync(body);
    case 'br':
      return brotliDecompressSync(body);
    case 'deflate':
      return inflateSync(body);
    default:
      return body;
  }
}

export type FinishedAnswer = {
  method: string;
  pathname: string;
  status: number;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  /** Any Set-Cookie on the answer: then it is nobody's to share, whatever the path. */
  setsCookie: boolean;
  /** The answer's own Vary header (Next's Flight headers), kept and extended. */
  vary?: string | undefined;
  body: Buffer;
};

/** Whether an answer to this request goes through finishCatalogPage (so an adapter knows to hold the body). */
export function isCatalogPageRequest(method: string, pathname: string): boolean {
  return method === 'GET' && isCatalogPagePath(pathname);
}

/** Headers to set (overriding) on a finished catalog page answer; empty for anything else. */
export function finishCatalogPage(answer: FinishedAnswer, ctx: PolicyContext): Record<string, string> {
  if (!isCatalogPageRequest(answer.method, answer.pathname)) return {};
  const out: Record<string, string> = {};
  if (answer.contentType?.startsWith('text/html')) {
    out['Content-Security-Policy'] = hashedPageContentSecurityPolicy(inlineScriptHashes(decoded(answer.body, answer.contentEncoding).toString('utf8')), ctx);
  }
  // HTML and its Flight (RSC) payload alike; the CDN keys the latter on the rsc header and _rsc.
  if (answer.status === 200 && !answer.setsCookie) out['Cache-Control'] = CATALOG_PAGE_CACHE_CONTROL;
  // The same URL answers Markdown to `Accept: text/markdown` (middleware.ts → app/md): a cache must keep them apart.
  const vary = (answer.vary ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!vary.some((v) => v.toLowerCase() === 'accept' || v === '*')) vary.push('Accept');
  out.Vary = vary.join(', ');
  return out;
}
