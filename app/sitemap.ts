import type { MetadataRoute } from 'next';
import { listCategories, listProductSlugs } from '@/server/catalog';
import { sitemapPage, sitemapPageCount } from '@/server/catalog/sitemap-pages';
import { siteUrl } from '@/server/site/site-url';

export const dynamic = 'force-dynamic';

// Next serves /sitemap.xml as an index of /sitemap/<id>.xml when generateSitemaps is present.
export async function generateSitemaps() {
  const slugs = await listProductSlugs();
  return Array.from({ length: sitemapPageCount(slugs.length) }, (_, id) => ({ id }));
}

export default async function sitemap(props: { id: Promise<string> | string | number }): Promise<MetadataRoute.Sitemap> {
  const page = Number(await props.id);
  const [slugs, categories] = await Promise.all([listProductSlugs(), page === 0 ? listCategories() : Promise.resolve([])]);
  const fixed: MetadataRoute.Sitemap =
    page === 0
      ? [
          { url: siteUrl('/'), changeFrequency: 'daily', priority: 1 },
          ...categories.map((c) => ({ url: siteUrl(`/c/${c.slug}`), changeFrequency: 'daily' as const, priority: 0.8 })),
        ]
      : [];
  return [...fixed, ...sitemapPage(slugs, page).map((p) => ({ url: siteUrl(`/p/${p.slug}`), lastModified: p.createdAt, changeFrequency: 'weekly' as const, priority: 0.6 }))];
}
