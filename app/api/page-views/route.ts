import { pageViewBody, recordPageView } from '@/server/analytics';
import { assertSameOrigin } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// POST /api/page-views { path }: 204; the page beacon's report of a page shown (server/analytics/page-views.ts).
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const { path } = await parseJsonBody(req, pageViewBody);
  await recordPageView(req, path);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
