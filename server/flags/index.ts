import 'server-only';

// Public entry of the flags domain.
//   Pages and route handlers: getFlags() / isEnabled(key) for the shopper of this request.
//   Admin routes: listFlags, updateFlag, revertFlag, flagHistory (each checks the marketers group itself).
//   Local stack / instrumentation: seedFlags (import ./seed-flags directly from plain Node: this entry is server-only).
//   middleware.ts uses ./middleware-flags directly, as it does ./server/identity/middleware-session.
export { getFlags, isEnabled, type EvaluatedFlags } from './server-flags';
export { listFlags } from './list-flags';
export { updateFlag, flagPatchSchema, type FlagPatch } from './update-flag';
export { revertFlag, revertBodySchema, type RevertBody } from './revert-flag';
export { flagHistory, historyQuerySchema, type FlagHistoryPage, type HistoryQuery } from './flag-history';
export { seedFlags, type SeedResult } from './seed-flags';
export { MARKETERS_GROUP } from './marketers';
export { requireMarketer } from './require-marketer';
export { flagKeyParam, type FlagRouteContext } from './flag-key-param';
export { flagKeySchema, type Audience, type Flag, type FlagAuditEntry, type FlagState } from './flag-model';
export { FLAG_KEYS, flagDefinition, type FlagKey } from './flag-registry';
export { propagationSeconds } from './flag-settings';
export { ANON_COOKIE, validAnonId } from './anon-id';
