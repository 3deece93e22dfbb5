import { type Actor, assertRole, MARKETERS_GROUP } from '../identity/contract';

// Who may read and change promotions: the marketers group, the same one /admin/flags uses. Checked in the domain
// on every admin operation, and in the route handlers through identity's requireMarketer (ADR 0004).

export type PromotionActor = Actor;

export function assertMarketer(actor: PromotionActor): void {
  assertRole(actor, MARKETERS_GROUP, 'Only marketers can see or change promotions.');
}
