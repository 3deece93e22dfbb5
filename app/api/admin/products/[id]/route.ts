import { editProduct, getAdminProduct, type ProductRouteContext, productIdParam, productPatchSchema, requireProductEditor } from '@/server/catalog';
import { assertSameOrigin } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

// GET /api/admin/products/[id] → AdminProduct (Product + published, featuredRank), read live.
export const GET = route<ProductRouteContext>(async (req, ctx) => {
  const user = await requireProductEditor(req);
  const product = await getAdminProduct(user, await productIdParam(ctx));
  return Response.json(product, { headers: { 'Cache-Control': 'private, no-store' } });
});

// PATCH /api/admin/products/[id] { variants?: [{ id, price?, stock?, expectedStock? }], published?, featuredRank?,
// expectedVersion } → AdminProduct. 409 VERSION_CONFLICT / STOCK_CHANGED with details.current; 400 field errors;
// 403 for a foreign Origin or a non-marketer.
export const PATCH = route<ProductRouteContext>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireProductEditor(req);
  const id = await productIdParam(ctx);
  const patch = await parseJsonBody(req, productPatchSchema);
  const product = await editProduct(user, id, patch);
  return Response.json(product, { headers: { 'Cache-Control': 'no-store' } });
});
