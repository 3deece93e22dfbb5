import { AppError } from '../platform/errors';
import { assertRole, MARKETERS_GROUP, OPERATIONS_GROUP, type StaffRole } from './roles';
import { cookieJarFromRequest } from './session-cookies';
import { resolveSessionUser, type SessionUser } from './session-user';

// The route handlers' gate, read from the verified sf_at cookie of the explicit Request (so handlers can be called,
// and tested, without Next's request scope).

const REFUSALS: Record<StaffRole, string> = {
  [MARKETERS_GROUP]: 'Only marketers can see or change feature flags.',
  [OPERATIONS_GROUP]: 'Only the operations team can work orders.',
};

/** The route handlers' gate: 401 without a verified session, 403 outside `role`. */
export async function requireRole(req: Request, role: StaffRole): Promise<SessionUser> {
  const user = await resolveSessionUser(cookieJarFromRequest(req));
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  assertRole(user, role, REFUSALS[role]);
  return user;
}

export const requireMarketer = (req: Request): Promise<SessionUser> => requireRole(req, MARKETERS_GROUP);
export const requireOperations = (req: Request): Promise<SessionUser> => requireRole(req, OPERATIONS_GROUP);
