import { describe, expect, it } from 'vitest';
import { SITEMAP_PAGE_SIZE, sitemapPage, sitemapPageCount } from './sitemap-pages';

describe('sitemap paging', () => {
  it('uses one sitemap up to 50,000 products and splits past it', () => {
    expect(sitemapPageCount(0)).toBe(1);
    expect(sitemapPageCount(SITEMAP_PAGE_SIZE)).toBe(1);
    expect(sitemapPageCount(SITEMAP_PAGE_SIZE + 1)).toBe(2);
  });

  it('puts every item in exactly one page', () => {
    const items = Array.from({ length: SITEMAP_PAGE_SIZE + 7 }, (_, i) => i);
    const pages = [0, 1].map((p) => sitemapPage(items, p));
    expect(pages[0]).toHaveLength(SITEMAP_PAGE_SIZE);
    expect(pages[1]).toEqual([50000, 50001, 50002, 50003, 50004, 50005, 50006]);
  });
});
