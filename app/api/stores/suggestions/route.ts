import { z } from 'zod';
import { isEnabled } from '@/server/flags';
import { suggestPlaces } from '@/server/locations';
import { AppError } from '@/server/platform/errors';
import { parseQuery, route } from '@/server/platform/http/respond';

const query = z.object({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(10).default(5) });

// GET /api/stores/suggestions?q=Sea → { suggestions: [{ label }], source } (address type-ahead)
export const GET = route(async (req) => {
  if (!(await isEnabled('store-locator'))) throw new AppError('NOT_FOUND', 'Not found.');
  const { q, limit } = parseQuery(req, query);
  return Response.json(await suggestPlaces(q, limit), { headers: { 'cache-control': 'private, max-age=300' } });
});
