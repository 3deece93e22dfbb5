import 'server-only';

export { type Flag, type FlagAuditEntry, flagKeySchema } from './contract';
export { flagHistory, historyQuerySchema } from './flag-history';
export { type FlagRouteContext, flagKeyParam } from './flag-key-param';
export { propagationSeconds } from './flag-settings';
export { listFlags } from './list-flags';
export { flagMiddlewareStep } from './middleware-flags';
export { revertBodySchema, revertFlag } from './revert-flag';
export { seedFlags } from './seed-flags';
// Public entry of the flags domain.
//   Pages and route handlers: getFlags() / isEnabled(key) for the shopper of this request.
//   Admin routes: listFlags, updateFlag, revertFlag, flagHistory (each checks the marketers group itself).
//   Local stack / instrumentation: seedFlags (import ./seed-flags directly from plain Node: this entry is server-only).
//   middleware.ts uses ./middleware-flags directly, as it does ./server/identity/middleware-session.
export { type EvaluatedFlags, getFlags, isEnabled } from './server-flags';
export { flagPatchSchema, updateFlag } from './update-flag';
