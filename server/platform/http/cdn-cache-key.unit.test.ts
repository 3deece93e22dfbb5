import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { categoryPageQuerySchema } from '../../search/search-query';
import { listQuery } from '../pagination';
import { CDN_CACHE_KEY_QUERY_STRINGS, cdnQueryKey, type EdgeQueryString } from './cdn-cache-key';

// The CloudFront cache key's query part (ADR 0028). The allow-list must hold every parameter a publicly cached answer
// reads (else two different pages share one cached copy) and nothing else (else tracking links never hit).

/** A query string as CloudFront Functions present it: one entry per name, repeats in multiValue. */
function edgeQuery(search: string): EdgeQueryString {
  const out: EdgeQueryString = {};
  for (const [name, value] of new URLSearchParams(search)) {
    const entry = out[name];
    if (!entry) out[name] = { value };
    else out[name] = { value: entry.value, multiValue: [...(entry.multiValue ?? [{ value: entry.value }]), { value }] };
  }
  return out;
}

const key = (search: string) => cdnQueryKey(edgeQuery(search), CDN_CACHE_KEY_QUERY_STRINGS);

describe('the CDN cache key allow-list', () => {
  it('holds every parameter the category page reads, so two filtered pages never share a cached copy', () => {
    for (const name of Object.keys(categoryPageQuerySchema.shape)) expect(CDN_CACHE_KEY_QUERY_STRINGS).toContain(name);
  });

  it('holds the product feed and Markdown pages’ paging parameters, Next’s Flight hash and the image optimiser’s', () => {
    for (const name of Object.keys(listQuery)) expect(CDN_CACHE_KEY_QUERY_STRINGS).toContain(name);
    expect(CDN_CACHE_KEY_QUERY_STRINGS).toContain('_rsc');
    for (const name of ['url', 'w', 'q']) expect(CDN_CACHE_KEY_QUERY_STRINGS).toContain(name);
  });

  it('leaves tracking parameters out', () => {
    for (const name of ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'gclid', 'fbclid', 'msclkid']) {
      expect(CDN_CACHE_KEY_QUERY_STRINGS).not.toContain(name);
    }
  });
});

describe('cdnQueryKey', () => {
  it('gives a tracking link the key of the bare URL', () => {
    expect(key('sort=price-asc&utm_source=news&utm_campaign=spring&gclid=abc&fbclid=def')).toBe(key('sort=price-asc'));
    expect(key('utm_source=news&gclid=abc')).toBe('');
  });

  it('keys the same page the same whatever the order of its parameters', () => {
    expect(key('sort=rating&page=2&inStock=true')).toBe(key('inStock=true&page=2&sort=rating'));
    expect(key('sort=rating&page=2&inStock=true')).toBe('inStock=true&page=2&sort=rating');
  });

  it('keeps different pages apart', () => {
    expect(key('sort=rating&page=2')).not.toBe(key('sort=rating&page=3'));
    expect(key('price=under-25')).not.toBe(key(''));
    expect(key('_rsc=abc')).not.toBe(key('_rsc=abd'));
    // Case matters to Next's reading, so it matters here.
    expect(key('Sort=rating')).toBe('');
  });

  it('cannot be fooled by a value that looks like two parameters', () => {
    // sort="rating&page=2" (one value) and sort=rating + page=2 are different pages: their keys must differ.
    expect(key('sort=rating%26page%3D2')).not.toBe(key('sort=rating&page=2'));
  });

  it('keeps every value of a repeated parameter, in order', () => {
    expect(key('page=1&page=2')).toBe('page=1&page=2');
    expect(key('page=1&page=2')).not.toBe(key('page=2&page=1'));
  });

  it('runs on its own, as the edge runs its source: nothing from outside its body', () => {
    // A bare context: no module scope, no Node globals, the way CloudFront Functions evaluate the injected source.
    const edge = runInNewContext(`(${cdnQueryKey.toString()})`, {}) as typeof cdnQueryKey;
    expect(edge(edgeQuery('utm_source=x&sort=newest&page=4'), CDN_CACHE_KEY_QUERY_STRINGS)).toBe('page=4&sort=newest');
  });
});
