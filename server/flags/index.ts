import 'server-only';

// Public entry of the flags domain.
//   Pages and route handlers: getFlags() / isEnabled(key) for the shopper of this request.
//   Admin routes: listFlags, updateFlag, revertFlag, flagHistory (each checks the marketers group itself).
//   Local stack / instrumentation: seedFlags (import ./seed-flags directly from plain Node: this entry is server-only).
//   middleware.ts uses ./middleware-flags directly, as it does ./server/identity/middleware-session.
export { isEnabled } from './server-flags';
export { listFlags } from './list-flags';
export { updateFlag, flagPatchSchema } from './update-flag';
export { revertFlag, revertBodySchema } from './revert-flag';
export { flagHistory, historyQuerySchema } from './flag-history';
export { MARKETERS_GROUP } from './marketers';
export { requireMarketer } from './require-marketer';
export { flagKeyParam, type FlagRouteContext } from './flag-key-param';
export { flagKeySchema, type Flag, type FlagAuditEntry } from './flag-model';
export { propagationSeconds } from './flag-settings';
export { ANON_COOKIE, validAnonId } from './anon-id';
