import { errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { IdentitySettings } from './cognito-settings';
import { poolJwks } from './pool-jwks';

// Verifies a Cognito access token: signature (RS256 only, so `alg: none` and HMAC-with-the-public-key tricks fail),
// issuer, expiry, and the two claims that tell an access token for this app apart from everything else the pool signs:
// `token_use: 'access'` (an ID token has 'id') and `client_id` (another app client on the same pool).
// Cognito access tokens carry no `aud`, so the audience check is the client_id claim.

export type AccessClaims = {
  sub: string;
  username: string | undefined;
  groups: string[];
  /** Seconds since the epoch. */
  expiresAt: number;
  jti: string | undefined;
  /** Shared by every access token of one sign-in (real Cognito); cognito-local's tokens carry only jti. */
  originJti: string | undefined;
  /**
   * When the shopper signed in (seconds): `auth_time`, which real Cognito keeps across refreshes (cognito-local sets
   * it anew on each refresh), else `iat`. Per-user revocation ("every session before T") compares it.
   */
  authTime: number;
};

export type VerifyOptions = {
  issuer: string;
  clientId: string;
  keys: JWTVerifyGetKey;
  /** For tests. */
  currentDate?: Date;
};

/** `expired` means the signature and claims were good but time ran out: the one case worth a refresh. */
export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'expired' | 'invalid' };

// Real access tokens are about 1 KB; anything far larger is not worth parsing.
const MAX_TOKEN_LENGTH = 8 * 1024;

export async function verifyAccessToken(token: string, opts: VerifyOptions): Promise<VerifyResult> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, opts.keys, {
      issuer: opts.issuer,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'sub', 'token_use', 'client_id'],
      currentDate: opts.currentDate,
    });
    if (payload.token_use !== 'access' || payload.client_id !== opts.clientId) return { ok: false, reason: 'invalid' };
    if (typeof payload.sub !== 'string' || payload.sub === '' || typeof payload.exp !== 'number') {
      return { ok: false, reason: 'invalid' };
    }
    const rawGroups = payload['cognito:groups'];
    const groups = Array.isArray(rawGroups) ? rawGroups.filter((g): g is string => typeof g === 'string') : [];
    return {
      ok: true,
      claims: {
        sub: payload.sub,
        username: typeof payload.username === 'string' ? payload.username : undefined,
        groups,
        expiresAt: payload.exp,
        jti: payload.jti,
        originJti: typeof payload.origin_jti === 'string' ? payload.origin_jti : undefined,
        authTime: typeof payload.auth_time === 'number' ? payload.auth_time : typeof payload.iat === 'number' ? payload.iat : 0,
      },
    };
  } catch (err) {
    // jose checks the signature before the claims, so JWTExpired implies a genuine (but stale) token.
    if (err instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'invalid' };
  }
}

/** A token straight from Cognito (a sign-in, a password change's re-issue, a reset), verified against the configured pool. */
export function verifyPoolAccessToken(token: string, settings: Pick<IdentitySettings, 'issuer' | 'clientId' | 'jwksUrl'>): Promise<VerifyResult> {
  return verifyAccessToken(token, { issuer: settings.issuer, clientId: settings.clientId, keys: poolJwks(settings.jwksUrl) });
}
