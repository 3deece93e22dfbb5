import { z } from 'zod';
import { estimateDelivery } from '@/server/locations';
import { parseQuery, route } from '@/server/platform/http/respond';

const query = z.object({
  address: z.string().trim().min(2).max(300),
  method: z.enum(['standard', 'express']).default('standard'),
});

// GET /api/stores/delivery-estimate?address=…&method=standard → { estimate: DeliveryEstimate | null }
// Not behind the store-locator flag: checkout's estimate is part of checkout, not of the locator page.
export const GET = route(async (req) => {
  const { address, method } = parseQuery(req, query);
  return Response.json({ estimate: await estimateDelivery(address, method) });
});
