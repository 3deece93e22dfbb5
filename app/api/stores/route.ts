import { z } from 'zod';
import { isEnabled } from '@/server/flags';
import { findStores, STORE_DEFAULT_LIMIT, STORE_MAX_LIMIT } from '@/server/locations';
import { AppError } from '@/server/platform/errors';
import { parseQuery, route } from '@/server/platform/http/respond';

const query = z
  .object({
    q: z.string().trim().min(1).max(200).optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    limit: z.coerce.number().int().min(1).max(STORE_MAX_LIMIT).default(STORE_DEFAULT_LIMIT),
  })
  .refine((v) => v.q !== undefined || (v.lat !== undefined && v.lng !== undefined), { message: 'Pass q, or lat and lng.' });

// GET /api/stores?q=Seattle or ?lat=…&lng=… → { origin, stores: [{ id, name, address, distanceKm, hours, lat, lng }], source }
export const GET = route(async (req) => {
  // Middleware answers 404 while the flag is off; checked again here in case middleware is bypassed.
  if (!(await isEnabled('store-locator'))) throw new AppError('NOT_FOUND', 'Not found.');
  const { q, lat, lng, limit } = parseQuery(req, query);
  return Response.json(await findStores(q !== undefined ? { q } : { lat: lat!, lng: lng! }, limit));
});
