import 'server-only';
import { AppError } from '../errors';
import { getSessionUserFromRequest, type SessionUser } from '../identity';
import { assertMarketer } from './marketers';

// The admin routes' gate: the marketers group check, with the session read from the explicit Request (so the handlers can be called,
// and tested, without Next's request scope). 401 without a verified session, 403 outside the marketers group,
// whatever middleware did or did not do before (ADR 0004).
export async function requireMarketer(req: Request): Promise<SessionUser> {
  const user = await getSessionUserFromRequest(req);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  assertMarketer(user);
  return user;
}
