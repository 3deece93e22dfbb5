import { describe, expect, it } from 'vitest';
import { pageTemplate, vitalBody } from './vitals';

describe('real-user vitals input', () => {
  it('keeps the page template, never the path', () => {
    expect(pageTemplate('/')).toBe('/');
    expect(pageTemplate('/p/trail-mug-p-123')).toBe('/p/[slug]');
    expect(pageTemplate('/c/coffee')).toBe('/c/[slug]');
    expect(pageTemplate('/orders/ord_0000000001abcdefgh')).toBe('/orders/[id]');
    expect(pageTemplate('/orders/lookup')).toBe('/orders/lookup');
    expect(pageTemplate('/search')).toBe('/search');
    expect(pageTemplate('/some/unknown/page')).toBe('other');
  });

  it('takes the five metrics with a non-negative value and a site path without a query', () => {
    expect(vitalBody.safeParse({ name: 'LCP', value: 1234.5, path: '/p/x' }).success).toBe(true);
    for (const bad of [
      { name: 'FID', value: 1, path: '/' },
      { name: 'CLS', value: -1, path: '/' },
      { name: 'INP', value: Number.POSITIVE_INFINITY, path: '/' },
      { name: 'LCP', value: 1, path: '/search?q=me@example.com' },
      { name: 'LCP', value: 1, path: '//evil.example' },
      { name: 'LCP', value: 1, path: '/', extra: true },
    ]) {
      expect(vitalBody.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
