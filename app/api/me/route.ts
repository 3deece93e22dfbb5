import { AppError } from '@/server/errors';
import { route } from '@/server/http/respond';
import { getSessionUserFromRequest } from '@/server/identity';

// Verifies the access token itself: middleware's 401 for /api/me is the first gate, not the only one (ADR 0004).
export const GET = route(async (req) => {
  const user = await getSessionUserFromRequest(req);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return Response.json({ user }, { headers: { 'Cache-Control': 'private, no-store' } });
});
