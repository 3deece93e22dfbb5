import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTERNAL_HEADER_PREFIXES, isInternalHeader, stripInternalHeaders } from './internal-headers';

// Issue 11.4: one internal-header list for the edge (sst.config.ts) and middleware.ts.

describe('internal headers', () => {
  it('covers the headers Next, OpenNext and our middleware trust, in any case', () => {
    for (const name of [
      'x-middleware-subrequest',
      'X-Middleware-Prefetch',
      'x-middleware-rewrite',
      'x-nextjs-data',
      'x-nextjs-matched-path',
      'x-next-revalidated-tags',
      'x-next-revalidate-tag-token',
      'x-now-route-matches',
      'x-matched-path',
      'x-invoke-path',
      'x-invoke-query',
      'x-invoke-status',
      'x-prerender-revalidate',
      'x-prerender-revalidate-if-generated',
      'x-isr',
      'x-opennext',
      'x-opennext-requestid',
      'x-storefront-request-id',
    ]) {
      expect(isInternalHeader(name), name).toBe(true);
    }
  });

  it('leaves alone what browsers and proxies send on purpose', () => {
    for (const name of ['next-action', 'rsc', 'next-router-state-tree', 'next-url', 'x-request-id', 'x-forwarded-for', 'cookie', 'x-nextish']) {
      expect(isInternalHeader(name), name).toBe(false);
    }
  });

  it('strips every internal header from a Headers object, however many', () => {
    const headers = new Headers({ 'x-nextjs-data': '1', 'x-now-route-matches': 'a', 'x-middleware-subrequest': 'm', accept: 'text/html' });
    stripInternalHeaders(headers);
    expect([...headers.keys()]).toEqual(['accept']);
  });

  it('is the list the CloudFront function strips: sst.config.ts imports it and keeps none of its own', () => {
    const sst = readFileSync('sst.config.ts', 'utf8');
    expect(sst).toContain("await import('./server/platform/http/internal-headers')");
    expect(sst).toContain('stripInternalHeaders(INTERNAL_HEADER_PREFIXES)');
    for (const prefix of INTERNAL_HEADER_PREFIXES) expect(sst, prefix).not.toContain(`'${prefix}'`);
  });
});
