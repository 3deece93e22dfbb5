import { z } from 'zod';
import { validationError } from '../platform/http/respond';
import { flagKeySchema } from './contract';

// The [key] segment of the admin flag routes (app/api/admin/flags/[key]/**), validated like any other input (400 for a malformed key).
export type FlagRouteContext = { params: Promise<{ key: string }> };

export async function flagKeyParam(ctx: FlagRouteContext): Promise<string> {
  const parsed = z.object({ key: flagKeySchema }).safeParse(await ctx.params);
  if (!parsed.success) throw validationError(parsed.error, 'The flag key is not valid.');
  return parsed.data.key;
}
