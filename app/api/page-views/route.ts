import { pageViewBody, recordPageView } from '@/server/analytics';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin } from '@/server/identity';

export const dynamic = 'force-dynamic';

// POST /api/page-views { path }: 204; the page beacon's report of a page shown (server/analytics/page-views.ts).
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const { path } = await parseJsonBody(req, pageViewBody);
  await recordPageView(req, path);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
