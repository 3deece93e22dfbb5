import { type NextRequest, NextResponse } from 'next/server';
import { ANON_COOKIE, anonCookieOptions, anonIdFromCookieHeader, cookieHeaderWithAnonId, mintAnonId } from '../identity';
import { gateVerdict } from './evaluate-flag';
import { flagSettings } from './flag-settings';
import { isApiPath, routeFlagKey } from './route-flag';
import { sharedFlagCache } from './shared-flag-cache';

// The feature-flag step of middleware.ts. It does two things:
//   1. Makes sure the shopper has an sf_anon id, minting one on the first visit and writing it into this request's
//      Cookie header as well, so the page rendered behind middleware buckets the shopper exactly as the next
//      request will.
//   2. Gates route-level flags (flag-registry.ts `routes`): 404 while the flag is off for this shopper.
// It does not pass flag values on to pages in a header: server code evaluates for itself (server-flags.ts) from
// the same in-process snapshot, the verified session and sf_anon, so a forged or middleware-bypassed header can
// change nothing. No 'server-only' or next/headers here: middleware is not compiled as a react-server module.

/** What the session step verified. `groups` is optional: without it, group audiences are left to the page. */
export type FlagStepIdentity = { userId: string | null; groups?: readonly string[] };

export type FlagStep = {
  /** A 404 when the path's flag is off for this shopper; null to carry on. */
  response: NextResponse | null;
  /** Sets sf_anon on whatever response middleware returns. */
  finish<R extends NextResponse>(res: R): R;
};

const PASS: FlagStep = { response: null, finish: (res) => res };

// A path no route serves: rewriting to it renders app/not-found.tsx inside the layout with status 404, the same
// page a missing product shows, rather than a bare "Not found" body.
const NOT_FOUND_PATH = '/_flag-off';

function notFound(req: NextRequest, requestHeaders: Headers): NextResponse {
  if (isApiPath(req.nextUrl.pathname)) {
    return NextResponse.json({ error: { code: 'NOT_FOUND', message: 'This feature is not available.' } }, { status: 404 });
  }
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, req.url), { status: 404, request: { headers: requestHeaders } });
}

export async function flagMiddlewareStep(req: NextRequest, requestHeaders: Headers, identity: FlagStepIdentity): Promise<FlagStep> {
  if (flagSettings().FLAGS_MIDDLEWARE === 'off') return PASS;

  let anonId = anonIdFromCookieHeader(requestHeaders.get('cookie'));
  let minted: string | null = null;
  if (!anonId) {
    anonId = minted = mintAnonId();
    requestHeaders.set('cookie', cookieHeaderWithAnonId(requestHeaders.get('cookie'), minted));
  }
  const finish = <R extends NextResponse>(res: R): R => {
    if (minted) res.cookies.set(ANON_COOKIE, minted, anonCookieOptions());
    return res;
  };

  const key = routeFlagKey(req.nextUrl.pathname);
  // Only gated paths read the flag set: every other request costs a cookie check and nothing more.
  if (!key) return { response: null, finish };
  const flag = (await sharedFlagCache().get()).flags.get(key);
  if (!flag) return { response: null, finish };
  const verdict = gateVerdict(flag, { userId: identity.userId, groups: identity.groups, anonId });
  return { response: verdict === 'off' ? notFound(req, requestHeaders) : null, finish };
}
