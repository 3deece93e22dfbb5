import { allCurrentFlags } from './current-flag';
import type { Flag, FlagActor } from './flag-model';
import { builtInFlags } from './flag-registry';
import { assertMarketer } from './marketers';

// GET /api/admin/flags and the admin page: every flag, read live from DynamoDB (a marketer must see what is stored,
// not the up-to-TTL-old snapshot shoppers are served).
export async function listFlags(actor: FlagActor): Promise<Flag[]> {
  assertMarketer(actor);
  return allCurrentFlags(builtInFlags());
}
