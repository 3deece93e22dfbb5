import { describe, expect, it } from 'vitest';
import { isUnderPath, normaliseRoutePath } from './route-paths';

describe('route path matching for gates', () => {
  it('matches encoded and trailing-slash spellings the router would serve', () => {
    expect(normaliseRoutePath('/%73tores/')).toBe('/stores');
    expect(normaliseRoutePath('/')).toBe('/');
    expect(normaliseRoutePath('/%E0%A4%A')).toBe('/%E0%A4%A');
  });

  it('treats a prefix as a whole segment', () => {
    expect(isUnderPath('/stores', '/stores')).toBe(true);
    expect(isUnderPath('/stores/seattle', '/stores')).toBe(true);
    expect(isUnderPath('/storesX', '/stores')).toBe(false);
  });
});
