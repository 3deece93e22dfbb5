import { productSlugSchema } from '@/server/catalog';
import { assertSameOrigin, requireUser } from '@/server/identity';
import { AppError } from '@/server/platform/errors';
import { parseJsonBody, parseQuery, route } from '@/server/platform/http/respond';
import { listProductReviews, newReviewSchema, reviewListQuerySchema, submitReview } from '@/server/reviews';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ slug: string }> };

async function slugOf(ctx: Ctx): Promise<string> {
  const parsed = productSlugSchema.safeParse((await ctx.params).slug);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'There is no such product.');
  return parsed.data;
}

// GET → { items, summary, nextCursor }: approved reviews only, read live so an approval shows on the next read.
export const GET = route<Ctx>(async (req, ctx) => {
  const slug = await slugOf(ctx);
  const query = parseQuery(req, reviewListQuerySchema);
  return Response.json(await listProductReviews(slug, query), { headers: { 'Cache-Control': 'private, no-store' } });
});

// POST { rating, title, body } → 201 { review: { id, status: 'PENDING' } }; 401 signed out, 403 NOT_VERIFIED_BUYER,
// 409 ALREADY_REVIEWED.
export const POST = route<Ctx>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireUser();
  const slug = await slugOf(ctx);
  const input = await parseJsonBody(req, newReviewSchema);
  const review = await submitReview(user, slug, input);
  return Response.json({ review }, { status: 201, headers: { 'Cache-Control': 'private, no-store' } });
});
