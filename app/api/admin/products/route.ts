import { adminProductQuerySchema, requireProductEditor, searchAdminProducts } from '@/server/catalog';
import { parseQuery, route } from '@/server/platform/http/respond';

// GET /api/admin/products?q&limit&cursor → { items: [{ id, slug, name, category, published, version, featuredRank,
// price, stock }], nextCursor }: every product, published or not. 401 without a session, 403 outside `marketers`.
export const GET = route(async (req) => {
  const user = await requireProductEditor(req);
  const page = await searchAdminProducts(user, parseQuery(req, adminProductQuerySchema));
  return Response.json(page, { headers: { 'Cache-Control': 'private, no-store' } });
});
