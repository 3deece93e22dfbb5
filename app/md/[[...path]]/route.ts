import { catalogMarkdown } from '@/server/agents';
import { CATALOG_PAGE_CACHE_CONTROL } from '@/server/platform/http/catalog-pages';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ path?: string[] }> };

// The Markdown rendering of a catalog page: middleware.ts rewrites `/`, `/c/…` and `/p/…` here when the request
// prefers text/markdown (server/platform/http/content-negotiation.ts). Same data as the HTML page, same shared-cache
// lifetime, and `Vary: Accept` because the same URL answers HTML to everyone else.
export const GET = route<Ctx>(async (req, ctx) => {
  const path = (await ctx.params).path ?? [];
  const cursor = new URL(req.url).searchParams.get('cursor') ?? undefined;
  const body = await catalogMarkdown(path, cursor);
  const headers = { 'Content-Type': 'text/markdown; charset=utf-8', Vary: 'Accept' };
  if (body === null) return new Response('# Not found\n\nThere is no such page in the shop.\n', { status: 404, headers });
  return new Response(body, { headers: { ...headers, 'Cache-Control': CATALOG_PAGE_CACHE_CONTROL } });
});
