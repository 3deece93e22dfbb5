import { auditEntryId } from '../platform/db';
import type { Flag } from './contract';
import { FLAG_DEFINITIONS } from './flag-registry';
import { writeFlagWithAudit } from './flag-store';

// Writes every built-in flag that is not stored yet, with its 'seed' audit entry, each in one conditional transaction
// (attribute_not_exists): safe to run on every start and from several processes at once, and it never resets a
// flag a marketer has changed. No 'server-only': the local stack's provisioning (plain Node) calls it.

export type SeedResult = { created: string[]; existing: string[] };

const SEED_ACTOR = { id: 'system', label: 'system (seed)' };

export async function seedFlags(now: Date = new Date()): Promise<SeedResult> {
  const result: SeedResult = { created: [], existing: [] };
  const at = now.toISOString();
  await Promise.all(
    FLAG_DEFINITIONS.map(async (def) => {
      const flag: Flag = { key: def.key, description: def.description, ...def.defaults, version: 1, updatedBy: SEED_ACTOR.label, updatedAt: at };
      const outcome = await writeFlagWithAudit(flag, 0, {
        flagKey: def.key,
        entryId: auditEntryId(1, at),
        version: 1,
        action: 'seed',
        at,
        by: SEED_ACTOR.label,
        byId: SEED_ACTOR.id,
        before: null,
        after: { enabled: flag.enabled, rolloutPercent: flag.rolloutPercent, audience: flag.audience },
      });
      (outcome === 'written' ? result.created : result.existing).push(def.key);
    }),
  );
  result.created.sort();
  result.existing.sort();
  return result;
}
