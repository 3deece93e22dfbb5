import { z } from 'zod';
import { trackAnalytics } from '@/server/analytics';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin } from '@/server/identity';
import { currentInteractionActor, recordInteractionAfterResponse } from '@/server/interactions';

export const dynamic = 'force-dynamic';

const body = z.object({ productId: z.string().min(1).max(200) });

// POST /api/views { productId }: a product page was viewed. The page itself is cached HTML and knows no shopper, so
// its island reports the view; recording is best effort and never an error for the shopper.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const { productId } = await parseJsonBody(req, body);
  const actor = await currentInteractionActor();
  if (actor) recordInteractionAfterResponse({ type: 'view', productId, actor });
  trackAnalytics({ type: 'product-view', productId }, { request: req });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
