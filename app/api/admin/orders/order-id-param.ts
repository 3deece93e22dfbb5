import { resolveOrderRef } from '@/server/orders';
import { AppError } from '@/server/platform/errors';

export type OrderRouteContext = { params: Promise<{ id: string }> };

/** The [id] segment (an order id or its number) as the order id, or 404: a malformed one is as absent as an unknown one. */
export async function orderIdParam(ctx: OrderRouteContext): Promise<string> {
  const { id } = await ctx.params;
  const orderId = await resolveOrderRef(id);
  if (!orderId) throw new AppError('NOT_FOUND', 'There is no such order.');
  return orderId;
}
