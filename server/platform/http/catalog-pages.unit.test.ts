import { describe, expect, it } from 'vitest';
import { hasMarkdownRendering, isCatalogPagePath } from './catalog-pages';

describe('shared catalog pages', () => {
  it('shares the help pages like the catalog, but not the account or checkout pages', () => {
    for (const path of ['/', '/c/backpacks', '/p/some-product', '/help/shipping', '/help/returns']) expect(isCatalogPagePath(path)).toBe(true);
    for (const path of ['/checkout', '/orders', '/help', '/help/returns/extra', '/account/privacy']) expect(isCatalogPagePath(path)).toBe(false);
  });

  it('sends agents to the Markdown rendering only for pages app/md can render', () => {
    expect(hasMarkdownRendering('/c/backpacks')).toBe(true);
    expect(hasMarkdownRendering('/help/shipping')).toBe(false);
  });
});
