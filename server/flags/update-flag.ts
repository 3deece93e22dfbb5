import { z } from 'zod';
import { changeFlag } from './change-flag';
import { audienceSchema, type Flag, type FlagActor, rolloutPercentSchema } from './contract';

// PATCH /api/admin/flags/[key]: a marketer changes the kill switch, the rollout or the audience. The description and
// the key are the developer's (flag-registry.ts); unknown fields are refused rather than ignored, so a client that
// believes it set `description` learns that it did not.

export const flagPatchSchema = z
  .object({
    enabled: z.boolean().optional(),
    rolloutPercent: rolloutPercentSchema.optional(),
    audience: audienceSchema.optional(),
    expectedVersion: z.number().int().min(0),
  })
  .strict()
  .refine((p) => p.enabled !== undefined || p.rolloutPercent !== undefined || p.audience !== undefined, {
    message: 'Send at least one of enabled, rolloutPercent, audience.',
  });
export type FlagPatch = z.infer<typeof flagPatchSchema>;

export function updateFlag(actor: FlagActor, key: string, patch: FlagPatch): Promise<Flag> {
  return changeFlag({
    actor,
    key,
    expectedVersion: patch.expectedVersion,
    action: 'update',
    next: (current) => ({
      enabled: patch.enabled ?? current.enabled,
      rolloutPercent: patch.rolloutPercent ?? current.rolloutPercent,
      audience: patch.audience ?? current.audience,
    }),
  });
}
