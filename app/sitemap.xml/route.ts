import { listProductSlugs, sitemapIndexXml } from '@/server/catalog';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const slugs = await listProductSlugs();
  return new Response(sitemapIndexXml(slugs.length), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
});
