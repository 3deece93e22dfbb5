import { describe, expect, it } from 'vitest';
import { isApiPath, routeFlagKey } from './route-flag';

describe('route-level flags', () => {
  it.each([
    ['/stores', 'store-locator'],
    ['/stores/', 'store-locator'],
    ['/stores/seattle', 'store-locator'],
    ['/%73tores', 'store-locator'],
    ['/api/stores', 'store-locator'],
    ['/api/stores/near', 'store-locator'],
    ['/storesX', null],
    ['/store', null],
    ['/', null],
    ['/p/stores', null],
    ['/%E0%A4%A', null],
  ])('%s is gated by %s', (path, key) => {
    expect(routeFlagKey(path)).toBe(key);
  });

  it('tells API paths from pages', () => {
    expect(isApiPath('/api/stores')).toBe(true);
    expect(isApiPath('/stores')).toBe(false);
    expect(isApiPath('/apistores')).toBe(false);
  });
});
