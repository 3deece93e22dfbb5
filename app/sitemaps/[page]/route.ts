import { listCategories, listProductSlugs, sitemapPageXml } from '@/server/catalog';
import { AppError } from '@/server/platform/errors';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

export const GET = route<{ params: Promise<{ page: string }> }>(async (_req, { params }) => {
  const match = /^(\d{1,6})\.xml$/.exec((await params).page);
  if (!match) throw new AppError('NOT_FOUND', 'There is no such sitemap.');
  const [slugs, categories] = await Promise.all([listProductSlugs(), listCategories()]);
  const xml = sitemapPageXml(
    Number(match[1]),
    slugs,
    categories.map((c) => c.slug),
  );
  if (!xml) throw new AppError('NOT_FOUND', 'There is no such sitemap.');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
});
