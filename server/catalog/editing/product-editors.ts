import { getSessionUserFromRequest, type SessionUser } from '../../identity';
import { assertRole, MARKETERS_GROUP } from '../../identity/contract';
import { AppError } from '../../platform/errors';
import type { EditorActor } from './product-edit-model';

// Who may edit products: the marketers group, checked in the domain on every operation (assertProductEditor) and by
// the route handlers from the verified session cookie of the request (requireProductEditor), whatever middleware
// did or did not do before (ADR 0004).

export function assertProductEditor(actor: EditorActor): void {
  assertRole(actor, MARKETERS_GROUP, 'Only marketers can see or change products here.');
}

/** 401 without a verified session, 403 outside `marketers`. */
export async function requireProductEditor(req: Request): Promise<SessionUser> {
  const user = await getSessionUserFromRequest(req);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  assertProductEditor(user);
  return user;
}
