import { AppError } from '../errors';
import { MARKETERS_GROUP } from '../flags';

// Who may read and change promotions: the marketers group, the same one /admin/flags uses. Checked in the domain
// on every admin operation, and in the route handlers through server/flags' requireMarketer (ADR 0004).

export type PromotionActor = { id: string; email: string; name: string; groups: readonly string[] };

export function assertMarketer(actor: PromotionActor): void {
  if (!actor.groups.includes(MARKETERS_GROUP)) throw new AppError('FORBIDDEN', 'Only marketers can see or change promotions.');
}
