import { getSessionUserFromRequest } from '@/server/identity';
import { AppError } from '@/server/platform/errors';
import { route } from '@/server/platform/http/respond';

// Verifies the access token itself: middleware's 401 for /api/me is the first gate, not the only one (ADR 0004).
export const GET = route(async (req) => {
  const user = await getSessionUserFromRequest(req);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return Response.json({ user }, { headers: { 'Cache-Control': 'private, no-store' } });
});
