import { z } from 'zod';
import { validationError } from '../platform/http/respond';
import { promotionCodeSchema } from './promotion-schema';

// The [code] segment of the admin promotion routes, validated like any other input (400 for a malformed code).
export type PromotionRouteContext = { params: Promise<{ code: string }> };

export async function promotionCodeParam(ctx: PromotionRouteContext): Promise<string> {
  const parsed = z.object({ code: promotionCodeSchema }).safeParse(await ctx.params);
  if (!parsed.success) throw validationError(parsed.error, 'The promotion code is not valid.');
  return parsed.data.code;
}
