import { assertSameOrigin, requireMarketer } from '@/server/identity';
import { AppError } from '@/server/platform/errors';
import { parseJsonBody, route } from '@/server/platform/http/respond';
import { moderateReview, moderationSchema, reviewIdSchema } from '@/server/reviews';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

// PATCH { status: 'APPROVED' } | { status: 'REJECTED', reason } → { review }. The product's rating is recomputed
// from its approved reviews before this answers.
export const PATCH = route<Ctx>(async (req, { params }) => {
  assertSameOrigin(req);
  const moderator = await requireMarketer(req);
  const id = reviewIdSchema.safeParse((await params).id);
  if (!id.success) throw new AppError('NOT_FOUND', 'There is no such review.');
  const change = await parseJsonBody(req, moderationSchema);
  return Response.json({ review: await moderateReview(moderator, id.data, change) }, { headers: { 'Cache-Control': 'private, no-store' } });
});
