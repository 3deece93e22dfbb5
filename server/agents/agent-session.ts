import { assertSameOrigin, getSessionUserFromBearer, getSessionUserFromRequest, type SessionUser } from '../identity';
import { AppError } from '../platform/errors';
import { requestAddressBucket } from '../platform/http/client-address';
import { rateLimit } from '../platform/runtime';
import { siteUrl } from '../platform/site';

// Who an agent's request acts for, and how often it may ask. A browser-based agent rides on the shop's session
// cookies (so the same Origin check as every cookie-authenticated mutation applies); a remote agent sends the pool's
// access token as a bearer token (OAuth 2.1, docs/agents.md). Either way the token is verified here, never taken
// from a header middleware set (ADR 0004).

/** Per client address: an agent browsing for a person makes a few calls a second at most. */
const PER_ADDRESS = { points: 120, durationSeconds: 60 };
/** Per shopper, whichever address or agent the calls come from. */
const PER_SHOPPER = { points: 240, durationSeconds: 60 };

function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', 'Too many agent requests. Slow down and try again shortly.', { headers: { 'Retry-After': String(retryAfterSeconds) } });
}

export async function resolveAgentCaller(req: Request): Promise<{ user: SessionUser | null }> {
  const byAddress = await rateLimit('agents:address', PER_ADDRESS).take(requestAddressBucket(req));
  if (!byAddress.allowed) throw rateLimited(byAddress.retryAfterSeconds);
  const bearer = req.headers.get('authorization');
  let user: SessionUser | null;
  if (bearer) {
    user = await getSessionUserFromBearer(req);
    // A token that does not verify is a 401, not a silent guest: the agent believes it is signed in.
    if (!user)
      throw new AppError('UNAUTHENTICATED', 'The bearer token is not a valid access token for this shop.', {
        headers: { 'WWW-Authenticate': `Bearer error="invalid_token", resource_metadata="${siteUrl('/.well-known/oauth-protected-resource')}"` },
      });
  } else {
    assertSameOrigin(req);
    user = await getSessionUserFromRequest(req);
  }
  if (user) {
    const byShopper = await rateLimit('agents:shopper', PER_SHOPPER).take(user.id);
    if (!byShopper.allowed) throw rateLimited(byShopper.retryAfterSeconds);
  }
  return { user };
}
