import { AppError } from '../errors';
import type { FlagActor } from './flag-model';

// Who may read and change flags. Checked here, in the domain, on every admin operation, and again by the route
// handlers through requireMarketer: middleware only asks for a session on /admin and /api/admin (ADR 0004).

export const MARKETERS_GROUP = 'marketers';

export function assertMarketer(actor: FlagActor): void {
  if (!actor.groups.includes(MARKETERS_GROUP)) {
    throw new AppError('FORBIDDEN', 'Only marketers can see or change feature flags.');
  }
}
