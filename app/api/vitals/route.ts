import { recordVital, vitalBody } from '@/server/analytics';
import { assertSameOrigin } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// POST /api/vitals { name, value, path }: 204; a real-user Core Web Vital (server/analytics/vitals.ts).
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const body = await parseJsonBody(req, vitalBody);
  await recordVital(req, body);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
