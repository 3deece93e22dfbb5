import 'server-only';

export { ANON_COOKIE, validAnonId } from './anon-id';
export { flagHistory, historyQuerySchema } from './flag-history';
export { type FlagRouteContext, flagKeyParam } from './flag-key-param';
export { type Flag, type FlagAuditEntry, flagKeySchema } from './flag-model';
export { propagationSeconds } from './flag-settings';
export { listFlags } from './list-flags';
export { MARKETERS_GROUP } from './marketers';
export { requireMarketer } from './require-marketer';
export { revertBodySchema, revertFlag } from './revert-flag';
// Public entry of the flags domain.
//   Pages and route handlers: getFlags() / isEnabled(key) for the shopper of this request.
//   Admin routes: listFlags, updateFlag, revertFlag, flagHistory (each checks the marketers group itself).
//   Local stack / instrumentation: seedFlags (import ./seed-flags directly from plain Node: this entry is server-only).
//   middleware.ts uses ./middleware-flags directly, as it does ./server/identity/middleware-session.
export { type EvaluatedFlags, getFlags, isEnabled } from './server-flags';
export { flagPatchSchema, updateFlag } from './update-flag';
