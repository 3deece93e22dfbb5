import { appendSetCookies, assertSameOrigin, cookieJarFromRequest, signOut } from '@/server/identity';
import { route } from '@/server/http/respond';

// 204, session cookies cleared, refresh token revoked. Same-origin check: another site must not sign shoppers out.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const cleared = await signOut(cookieJarFromRequest(req));
  const res = new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  appendSetCookies(res.headers, cleared);
  return res;
});
