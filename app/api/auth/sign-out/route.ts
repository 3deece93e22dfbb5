import { appendSetCookies, assertSameOrigin, cookieJarFromRequest, signOut } from '@/server/identity';
import { route } from '@/server/platform/http/respond';

// 204, session cookies cleared, refresh token revoked. Same-origin check: another site must not sign shoppers out.
// A plain HTML form post (the header's button before its script has loaded) gets a 303 to the home page instead.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const cleared = await signOut(cookieJarFromRequest(req));
  const fromForm = (req.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
  const res = fromForm
    ? new Response(null, { status: 303, headers: { Location: '/', 'Cache-Control': 'no-store' } })
    : new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  appendSetCookies(res.headers, cleared);
  return res;
});
