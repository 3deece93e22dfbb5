import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CDN_CACHE_KEY_QUERY_STRINGS, cdnQueryKey } from '../../server/platform/http/cdn-cache-key';
import { prefersMarkdown } from '../../server/platform/http/content-negotiation';
import { INTERNAL_HEADER_PREFIXES } from '../../server/platform/http/internal-headers';
import { markdownCacheKey, queryCacheKey, stripInternalHeaders } from './edge';

// The viewer-request code sst.config.ts injects into the Router's CloudFront function, assembled the same way and run
// on CloudFront-shaped events in a bare context (ADR 0028): what the cache policy keys on is what these headers say.

const injection =
  stripInternalHeaders(INTERNAL_HEADER_PREFIXES) +
  markdownCacheKey(prefersMarkdown.toString()) +
  queryCacheKey(cdnQueryKey.toString(), CDN_CACHE_KEY_QUERY_STRINGS);

type Headers = Record<string, { value: string }>;

function viewerRequest(query: Record<string, string>, headers: Headers = {}): Headers {
  const event = {
    request: {
      headers: { host: { value: 'shop.example' }, ...headers },
      querystring: Object.fromEntries(Object.entries(query).map(([k, value]) => [k, { value }])),
    },
  };
  return runInNewContext(`(function handler(event) { ${injection}\n return event.request.headers; })`, {})(event) as Headers;
}

describe('the viewer-request cache key', () => {
  it('keys a category page on its own parameters, whatever tracking parameters come with it', () => {
    const bare = viewerRequest({ sort: 'rating', page: '2' });
    const tracked = viewerRequest({ utm_source: 'news', page: '2', gclid: 'x', sort: 'rating', fbclid: 'y' });
    expect(bare['x-storefront-query']).toEqual({ value: 'page=2&sort=rating' });
    expect(tracked['x-storefront-query']).toEqual(bare['x-storefront-query']);
  });

  it('overwrites a forged x-storefront-query and folds Accept into x-storefront-format', () => {
    const headers = viewerRequest({}, { 'x-storefront-query': { value: 'sort=forged' }, accept: { value: 'text/markdown' } });
    expect(headers['x-storefront-query']).toEqual({ value: '' });
    expect(headers['x-storefront-format']).toEqual({ value: 'markdown' });
  });
});
