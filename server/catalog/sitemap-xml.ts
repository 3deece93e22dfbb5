import { siteUrl } from '../platform/site';
import { sitemapPage, sitemapPageCount } from './sitemap-pages';

// Sitemaps are built per request from the cached slug list (never at build time, which has no database).
// /sitemap.xml is always an index; /sitemaps/<n>.xml holds up to 50,000 URLs each.

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

export function sitemapIndexXml(productCount: number): string {
  const entries = Array.from({ length: sitemapPageCount(productCount) }, (_, i) => `<sitemap><loc>${escapeXml(siteUrl(`/sitemaps/${i}.xml`))}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>\n`;
}

export function sitemapPageXml(page: number, products: { slug: string; createdAt: string }[], categorySlugs: string[]): string | null {
  if (page < 0 || page >= sitemapPageCount(products.length)) return null;
  const urls: string[] = [];
  if (page === 0) {
    urls.push(`<url><loc>${escapeXml(siteUrl('/'))}</loc><changefreq>daily</changefreq><priority>1.0</priority></url>`);
    for (const c of categorySlugs) urls.push(`<url><loc>${escapeXml(siteUrl(`/c/${c}`))}</loc><changefreq>daily</changefreq><priority>0.8</priority></url>`);
  }
  for (const p of sitemapPage(products, page)) {
    urls.push(`<url><loc>${escapeXml(siteUrl(`/p/${p.slug}`))}</loc><lastmod>${escapeXml(p.createdAt)}</lastmod><priority>0.6</priority></url>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`;
}
