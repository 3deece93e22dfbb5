import { AppError } from '@/server/errors';
import { isOrderId } from '@/server/orders';

export type OrderRouteContext = { params: Promise<{ id: string }> };

/** The [id] segment, or 404: a malformed id is as absent as an unknown one. */
export async function orderIdParam(ctx: OrderRouteContext): Promise<string> {
  const { id } = await ctx.params;
  if (!isOrderId(id)) throw new AppError('NOT_FOUND', 'There is no such order.');
  return id;
}
