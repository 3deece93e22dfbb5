import { type ProductRouteContext, productHistory, productHistoryQuerySchema, productIdParam, requireProductEditor } from '@/server/catalog';
import { parseQuery, route } from '@/server/platform/http/respond';

// GET /api/admin/products/[id]/history?limit&cursor → { entries: [{ entryId, version, at, by, byId, before, after }], nextCursor }.
export const GET = route<ProductRouteContext>(async (req, ctx) => {
  const user = await requireProductEditor(req);
  const id = await productIdParam(ctx);
  const page = await productHistory(user, id, parseQuery(req, productHistoryQuerySchema));
  return Response.json(page, { headers: { 'Cache-Control': 'private, no-store' } });
});
