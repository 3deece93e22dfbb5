import { listCategories } from '@/server/catalog';
import { route } from '@/server/platform/http/respond';

export const GET = route(async () => {
  const categories = await listCategories();
  return Response.json({ categories: categories.map(({ slug, name, productCount }) => ({ slug, name, productCount })) });
});
