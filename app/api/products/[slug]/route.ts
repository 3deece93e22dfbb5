import { getProductBySlug, productSlugSchema } from '@/server/catalog';
import { AppError } from '@/server/platform/errors';
import { route } from '@/server/platform/http/respond';

export const GET = route<{ params: Promise<{ slug: string }> }>(async (_req, { params }) => {
  const parsed = productSlugSchema.safeParse((await params).slug);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'There is no such product.');
  const product = await getProductBySlug(parsed.data);
  if (!product) throw new AppError('NOT_FOUND', 'There is no such product.');
  return Response.json(product);
});
