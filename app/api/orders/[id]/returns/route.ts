import { z } from 'zod';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin, requireUser } from '@/server/identity';
import { requestReturn } from '@/server/orders';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

const bodySchema = z.object({
  lines: z
    .array(
      z.object({
        variantId: z.string().min(1).max(100),
        // Only needed when two lines of the order share a variant id.
        productId: z.string().min(1).max(100).optional(),
        quantity: z.number().int().min(1).max(1_000),
      }),
    )
    .min(1)
    .max(100),
  reason: z.string().trim().min(1).max(500),
});

// A return of delivered lines, asked by the order's owner (a 404 for anyone else).
export const POST = route<Ctx>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireUser();
  const body = await parseJsonBody(req, bodySchema);
  const order = await requestReturn((await ctx.params).id, user.id, body);
  return Response.json({ order }, { status: 201, headers: { 'Cache-Control': 'private, no-store' } });
});
