/** Sitemaps hold at most 50,000 URLs; past that the catalog is split into numbered sitemaps. */
export const SITEMAP_PAGE_SIZE = 50_000;

export function sitemapPageCount(productCount: number): number {
  return Math.max(1, Math.ceil(productCount / SITEMAP_PAGE_SIZE));
}

export function sitemapPage<T>(items: T[], page: number): T[] {
  return items.slice(page * SITEMAP_PAGE_SIZE, (page + 1) * SITEMAP_PAGE_SIZE);
}
