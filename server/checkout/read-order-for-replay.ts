import { getOrder, type Order } from '../orders';
import { AppError } from '../errors';

/** The order an idempotency record points to. Written in the same transaction, so it always exists. */
export async function readOrderForReplay(userId: string, orderId: string): Promise<Order> {
  const order = await getOrder(userId, orderId);
  if (!order) throw new AppError('INTERNAL', 'The order for this Idempotency-Key could not be read. Please try again.');
  return order;
}
