import { assertRole, MARKETERS_GROUP } from '../identity/contract';
import type { Flag, FlagActor } from './contract';
import { allCurrentFlags } from './current-flag';
import { builtInFlags } from './flag-registry';

// GET /api/admin/flags and the admin page: every flag, read live from DynamoDB (a marketer must see what is stored,
// not the up-to-TTL-old snapshot shoppers are served).
export async function listFlags(actor: FlagActor): Promise<Flag[]> {
  assertRole(actor, MARKETERS_GROUP, 'Only marketers can see or change feature flags.');
  return allCurrentFlags(builtInFlags());
}
