import { type ProductRouteContext, productIdParam, requireProductEditor, startProductImageUpload } from '@/server/catalog';
import { assertSameOrigin } from '@/server/identity';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// POST /api/admin/products/[id]/images → { upload: { url, fields }, key }: a presigned S3 POST for one image (≤ 5 MB,
// an image/* type). The browser posts the file straight to the bucket, then PATCHes the product's `images` with the
// key, which checks the bytes before the product shows them. 401 signed out, 403 outside `marketers`, 404 no product.
export const POST = route<ProductRouteContext>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireProductEditor(req);
  const upload = await startProductImageUpload(user, await productIdParam(ctx));
  return Response.json(upload, { headers: { 'Cache-Control': 'no-store' } });
});
