import { llmsTxt } from '@/server/agents';
import { CATALOG_PAGE_CACHE_CONTROL } from '@/server/platform/http/catalog-pages';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// GET /llms.txt: Markdown served as text/plain (what llmstxt.org asks; API.md allows either), cached like a catalog page.
export const GET = route(async () => {
  return new Response(await llmsTxt(), { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': CATALOG_PAGE_CACHE_CONTROL } });
});
