import { z } from 'zod';

// The flag's shapes, in one place: what DynamoDB stores, what the admin API returns (API.md `Flag`), what a marketer
// may change, and what the audit log records. Pure types and schemas: imported by middleware, server components,
// route handlers and (type-only) the admin UI.

/** Lower-case kebab case: the key is a DynamoDB key, a URL segment and a code identifier at once. */
export const FLAG_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const flagKeySchema = z.string().regex(FLAG_KEY_PATTERN, 'A flag key is lower-case letters, digits and dashes.');

// Cognito group names allow more than this, but a marketer types these by hand: keep them plain.
const groupNameSchema = z.string().regex(/^[A-Za-z0-9_.+-]{1,128}$/, 'A group name is letters, digits and _ . + -');

export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }).strict(),
  z.object({ kind: z.literal('signed-in') }).strict(),
  // Shoppers in at least one of these Cognito groups (and signed in, since groups come from the verified token).
  z.object({ kind: z.literal('groups'), groups: z.array(groupNameSchema).min(1).max(10) }).strict(),
]);
export type Audience = z.infer<typeof audienceSchema>;

export const rolloutPercentSchema = z.number().int().min(0).max(100);

/** What a marketer changes and what the audit log snapshots before and after each change. */
export const flagStateSchema = z.object({
  enabled: z.boolean(),
  rolloutPercent: rolloutPercentSchema,
  audience: audienceSchema,
});
export type FlagState = z.infer<typeof flagStateSchema>;

/** API.md `Flag`. `version` 0 means "built-in default, never stored": the first write creates the item. */
export const flagSchema = flagStateSchema.extend({
  key: flagKeySchema,
  description: z.string().max(500),
  version: z.number().int().min(0),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type Flag = z.infer<typeof flagSchema>;

export type AuditAction = 'seed' | 'update' | 'revert';

/** One change, as `GET /api/admin/flags/[key]/history` returns it (API.md: `{ at, by, before, after }` and more). */
export type FlagAuditEntry = {
  entryId: string;
  flagKey: string;
  /** The flag's version after this change. */
  version: number;
  action: AuditAction;
  at: string;
  /** The actor's email (who, for people), and their stable id. */
  by: string;
  byId: string;
  /** null for the entry that created the flag. */
  before: FlagState | null;
  after: FlagState;
  /** For a revert: the entry whose `before` was restored. */
  revertOf?: string;
};

/** The actor of a change: the verified session user (server/identity's SessionUser fits). */
export type FlagActor = { id: string; email: string; name: string; groups: readonly string[] };

export function stateOf(flag: FlagState): FlagState {
  return { enabled: flag.enabled, rolloutPercent: flag.rolloutPercent, audience: flag.audience };
}

export function sameState(a: FlagState, b: FlagState): boolean {
  return JSON.stringify(stateOf(a)) === JSON.stringify(stateOf(b));
}
