import type { JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import type { CookieJar } from '../platform/http/cookies';
import { processSingleton } from '../platform/runtime';
import { fetchUserAttributes } from './cognito-accounts';
import { type IdentitySettings, identitySettings } from './cognito-settings';
import { shownName } from './display-name';
import { poolJwks } from './pool-jwks';
import { decodeProfileCookie } from './profile-cookie';
import { type RevocationState, revocationState } from './revoked-sessions';
import { SESSION_COOKIE } from './session-cookies';
import { type AccessClaims, verifyAccessToken } from './verify-access-token';

// From a cookie jar to the signed-in shopper, or null. Pure of Next (the jar is any `get(name)`), so route handlers,
// next/headers' cookies() and tests share it. The access token is verified here every time: a header or flag set by
// middleware is never trusted (ADR 0004), and verification is local (cached JWKS, no Cognito round trip); a token whose
// shopper signed out is refused (revoked-sessions.ts).

export type SessionUser = { id: string; email: string; name: string; groups: string[] };

export type SessionDeps = {
  settings: IdentitySettings | null;
  secret: string;
  keys: (settings: IdentitySettings) => JWTVerifyGetKey;
  fetchAttributes: (accessToken: string) => Promise<{ email: string; name: string }>;
  /** Signed out already? (revoked-sessions.ts) */
  revocation: (claims: AccessClaims) => Promise<RevocationState>;
  currentDate?: Date;
};

function defaultSessionDeps(): SessionDeps {
  return {
    settings: identitySettings(),
    secret: getConfig().SESSION_SECRET,
    keys: (s) => poolJwks(s.jwksUrl),
    fetchAttributes: fetchUserAttributes,
    revocation: revocationState,
  };
}

/** Verified claims of the jar's access token, or null — also for a session signed out, or one that cannot be checked. */
export async function verifiedAccessClaims(jar: CookieJar, deps: SessionDeps = defaultSessionDeps()): Promise<AccessClaims | null> {
  const token = jar.get(SESSION_COOKIE.access);
  if (!token || !deps.settings) return null;
  const result = await verifyAccessToken(token, {
    issuer: deps.settings.issuer,
    clientId: deps.settings.clientId,
    keys: deps.keys(deps.settings),
    currentDate: deps.currentDate,
  });
  if (!result.ok) return null;
  const state = await deps.revocation(result.claims);
  // Neither Redis nor DynamoDB could say whether this session was signed out: refuse it (fail closed) as an outage,
  // 503 with Retry-After, not as "signed out" — a 401 would send a shopper to sign in again for nothing.
  if (state === 'unknown') throw new AppError('UNAVAILABLE', 'We could not check your session just now. Please try again in a moment.');
  return state === 'active' ? result.claims : null;
}

// Fallback when the profile cookie is missing or belongs to someone else (a session from before it existed, a
// cleared cookie): GetUser once per access token per process, remembered until the token expires.
type CachedProfile = { email: string; name: string; expiresAtMs: number };
// One cache for every Next bundle of the process (server/platform/runtime), least recently used dropped past 1000 tokens.
const profileCache = processSingleton('identity:profile-cache', () => new LRUCache<string, CachedProfile>({ max: 1000 }));

async function profileFromCognito(token: string, claims: AccessClaims, deps: SessionDeps): Promise<{ email: string; name: string }> {
  const key = `${claims.sub}:${claims.jti ?? claims.expiresAt}`;
  const cached = profileCache.get(key);
  if (cached && cached.expiresAtMs > Date.now()) return cached;
  try {
    const attrs = await deps.fetchAttributes(token);
    profileCache.set(key, { ...attrs, expiresAtMs: claims.expiresAt * 1000 });
    return attrs;
  } catch (err) {
    // The identity is proven by the token; only the display name is missing. Degrade, and try again next request.
    if (!(err instanceof AppError)) throw err;
    return { email: '', name: claims.username && !/^[0-9a-f-]{36}$/.test(claims.username) ? claims.username : 'your account' };
  }
}

export async function resolveSessionUser(jar: CookieJar, deps: SessionDeps = defaultSessionDeps()): Promise<SessionUser | null> {
  const claims = await verifiedAccessClaims(jar, deps);
  if (!claims) return null;
  const profile = decodeProfileCookie(jar.get(SESSION_COOKIE.profile), deps.secret);
  const { email, name } = profile && profile.sub === claims.sub ? profile : await profileFromCognito(jar.get(SESSION_COOKIE.access) ?? '', claims, deps);
  // Checked again whatever its source: a profile cookie signed before names read from Cognito were re-validated
  // (issue 30 L6) may still carry one set around the shop's rules.
  return { id: claims.sub, email, name: shownName(name), groups: claims.groups };
}
