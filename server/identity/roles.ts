import { AppError } from '../platform/errors';

// The staff roles, as Cognito groups: `marketers` (flags, promotions, products, reviews, campaigns, analytics) and
// `operations` (orders, holds, refunds, dead letters). Every admin page, action, route and domain operation checks
// the role here, from the verified session, whatever middleware did or did not do before (ADR 0004). A header a
// client sets (x-user-groups) is never read.

export const MARKETERS_GROUP = 'marketers';
export const OPERATIONS_GROUP = 'operations';
export type StaffRole = typeof MARKETERS_GROUP | typeof OPERATIONS_GROUP;

/** Who acts in an audited operation: the verified session user's id, email, name and groups. */
export type Actor = { id: string; email: string; name: string; groups: readonly string[] };

export function hasRole(user: Pick<Actor, 'groups'>, role: StaffRole): boolean {
  return user.groups.includes(role);
}

export function isOperations(user: Pick<Actor, 'groups'>): boolean {
  return hasRole(user, OPERATIONS_GROUP);
}

/** AppError FORBIDDEN (403) outside `role`, with the domain's own words for what was refused. */
export function assertRole(actor: Pick<Actor, 'groups'>, role: StaffRole, refusal: string): void {
  if (!hasRole(actor, role)) throw new AppError('FORBIDDEN', refusal);
}
