import { describe, expect, it } from 'vitest';
import { SITEMAP_PAGE_SIZE, sitemapPage, sitemapPageCount } from './sitemap-pages';
import { sitemapIndexXml, sitemapPageXml } from './sitemap-xml';

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

describe('sitemap XML', () => {
  it('indexes one sitemap per 50,000 products', () => {
    expect(sitemapIndexXml(10).match(/<sitemap>/g)).toHaveLength(1);
    expect(sitemapIndexXml(SITEMAP_PAGE_SIZE * 2 + 1).match(/<sitemap>/g)).toHaveLength(3);
  });

  it('lists home and categories on the first page, escapes URLs, and has no page past the end', () => {
    const xml = sitemapPageXml(0, [{ slug: 'a-b', createdAt: '2026-01-01T00:00:00.000Z' }], ['shoes'])!;
    expect(xml).toContain('/c/shoes</loc>');
    expect(xml).toContain('/p/a-b</loc>');
    expect(sitemapPageXml(1, [{ slug: 'a', createdAt: 'x' }], [])).toBeNull();
  });
});
