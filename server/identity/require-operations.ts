import { AppError } from '../errors';
import { cookieJarFromRequest } from './session-cookies';
import { resolveSessionUser, type SessionUser } from './session-user';

// The operations console's gate (/admin/orders, /api/admin/orders, /api/admin/dead-letters). Read from the
// verified sf_at cookie of the explicit Request, never from a header middleware or a client set (ADR 0004), so a
// shopper who sends x-user-groups: operations is still a shopper: 401 without a session, 403 outside the group.

export const OPERATIONS_GROUP = 'operations';

export function isOperations(user: Pick<SessionUser, 'groups'>): boolean {
  return user.groups.includes(OPERATIONS_GROUP);
}

export async function requireOperations(req: Request): Promise<SessionUser> {
  const user = await resolveSessionUser(cookieJarFromRequest(req));
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  if (!isOperations(user)) throw new AppError('FORBIDDEN', 'Only the operations team can work orders.');
  return user;
}
