import { z } from 'zod';
import { trackAnalytics } from '@/server/analytics';
import { getProductRecords } from '@/server/catalog';
import { assertSameOrigin } from '@/server/identity';
import { currentInteractionActor, recordInteractionAfterResponse } from '@/server/interactions';
import { AppError } from '@/server/platform/errors';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { parseJsonBody, route } from '@/server/platform/http/respond';
import { rateLimit, rateLimitMemo } from '@/server/platform/runtime';

export const dynamic = 'force-dynamic';

const body = z.object({ productId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'must be a product id') });

// A client reports views; nothing stops a script reporting invented ones (issue 30 L8): only products that exist
// are recorded, one address reports at most VIEWS_PER_MINUTE, and a repeated view of one product from one address
// within REPEAT_SECONDS is answered but not recorded again (a reload is not interest twice).
const VIEWS_PER_MINUTE = { points: 120, durationSeconds: 60 };
const REPEAT_SECONDS = 30 * 60;

// POST /api/views { productId }: a product page was viewed. The page itself is cached HTML and knows no shopper, so
// its island reports the view; recording is best effort. 404 for a product that does not exist, 429 past the limit.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const { productId } = await parseJsonBody(req, body);
  const address = requestAddressBucket(req);
  const verdict = await rateLimit('views:address', VIEWS_PER_MINUTE).take(address);
  if (!verdict.allowed) {
    throw new AppError('RATE_LIMITED', 'Too many views reported. Try again in a minute.', { headers: { 'Retry-After': String(verdict.retryAfterSeconds) } });
  }
  if (!(await getProductRecords([productId])).has(productId)) throw new AppError('NOT_FOUND', `There is no product "${productId}".`);
  const seen = rateLimitMemo('views:seen', REPEAT_SECONDS);
  const key = `${address}:${productId}`;
  if (!(await seen.has(key))) {
    await seen.remember(key, REPEAT_SECONDS);
    const actor = await currentInteractionActor();
    if (actor) recordInteractionAfterResponse({ type: 'view', productId, actor });
    trackAnalytics({ type: 'product-view', productId }, { request: req });
  }
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
