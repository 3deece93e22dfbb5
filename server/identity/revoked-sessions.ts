import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { getRedis } from '../platform/cache';
import { scanPages, tableName } from '../platform/db';
import { logger } from '../platform/observability';
import { processSingleton } from '../platform/runtime';
import { REFRESH_COOKIE_MAX_AGE } from './session-cookies';

// Signed-out sessions, so an access token stops working the moment its shopper signs out (verification is local and
// would otherwise accept it until it expires). A revoked token id — `origin_jti`, shared by every access token of one
// sign-in, or `jti` where the issuer has no origin_jti (cognito-local) — is kept until those tokens have expired.
//
// DynamoDB (`revoked-sessions`, TTL on expiresAt) is the record; Redis answers the per-request check without a
// DynamoDB read (ADR 0002: Redis is an accelerator). Redis can be restarted empty, so its "not revoked" counts only
// while the marker COMPLETE is there: whoever finds it missing answers from DynamoDB and reloads the revoked ids
// (a small table: only the sign-outs of the last access-token lifetime) before setting it again. A write that
// reaches DynamoDB but not Redis drops the marker, so nobody trusts Redis until the next reload.
//
// The same table and the same check also hold per-user markers, `user:<sub>` → "every session of this shopper that
// signed in before `notBefore` is revoked, except the one whose id is `keep`": a password change (the session that
// changed it is re-issued and kept) and an account deletion (all of them) end sessions the server never saw the
// tokens of. A session's sign-in time is its access token's auth_time (verify-access-token.ts). The Redis lookup of
// the marker rides in the same MGET as the token id's, so it costs no extra round trip.

const KEY_PREFIX = 'sf:revoked:';
const COMPLETE = `${KEY_PREFIX}complete`;
// At least this long, whatever the token's own exp: later access tokens of the same sign-in (refreshed before the
// sign-out) share its origin_jti and may outlive the one at hand. Longer than any access-token lifetime we configure.
const MIN_KEEP_SECONDS = 60 * 60;

export type RevocableClaims = {
  sub: string;
  jti: string | undefined;
  originJti: string | undefined;
  expiresAt: number;
  authTime: number;
  /**
   * The sign-in time is known but not which sign-in it was (a cognito-local refresh: the time comes from the refresh
   * token, the ids are the new token's). Then only a session strictly before the marker is revoked: the one kept
   * in the marker's own second must go on refreshing (issue 30 L1).
   */
  sessionIdUnknown?: boolean;
};

/** The id a sign-out revokes: every token of the sign-in when the issuer says which (origin_jti), else this token. */
export function revocationId(claims: Pick<RevocableClaims, 'jti' | 'originJti'>): string | null {
  return claims.originJti ?? claims.jti ?? null;
}

const USER_PREFIX = 'user:';
type UserMarker = { notBefore: number; keep: string | null };

/** Redis holds a user marker as `<notBefore>|<keep>`. */
const encodeMarker = (m: UserMarker) => `${m.notBefore}|${m.keep ?? ''}`;
function decodeMarker(value: string | null | undefined): UserMarker | null {
  if (!value) return null;
  const [notBefore, keep] = value.split('|');
  const n = Number(notBefore);
  return Number.isFinite(n) ? { notBefore: n, keep: keep || null } : null;
}

function revokedByMarker(marker: UserMarker | null, claims: RevocableClaims): boolean {
  if (!marker) return false;
  if (claims.authTime !== marker.notBefore || claims.sessionIdUnknown) return claims.authTime < marker.notBefore;
  // Signed in the very second the marker was set: only the kept session survives (auth_time has whole seconds).
  return marker.keep === null || marker.keep !== revocationId(claims);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function loadIntoRedis(): Promise<void> {
  const redis = getRedis();
  if (!redis) return;
  const now = nowSeconds();
  for await (const page of scanPages({ TableName: tableName('revokedSessions') })) {
    const live = (page.Items ?? []).filter((item) => typeof item.tokenId === 'string' && Number(item.expiresAt) > now);
    if (live.length > 0) {
      const batch = redis.multi();
      for (const item of live) batch.set(`${KEY_PREFIX}${item.tokenId}`, redisValue(item), 'EXAT', Number(item.expiresAt));
      await batch.exec();
    }
  }
  await redis.set(COMPLETE, '1');
}

function redisValue(item: Record<string, unknown>): string {
  if (!String(item.tokenId).startsWith(USER_PREFIX)) return '1';
  return encodeMarker({ notBefore: Number(item.notBefore), keep: typeof item.keep === 'string' ? item.keep : null });
}

/** One reload at a time per process; later callers of the same round share it. */
function reloadRedis(): void {
  const state = processSingleton('revoked-sessions:reload', () => ({ running: null as Promise<void> | null }));
  state.running ??= loadIntoRedis()
    .catch((err: unknown) => logger.warn('revoked sessions could not be loaded into Redis; DynamoDB answers', { err: String(err) }))
    .finally(() => {
      state.running = null;
    });
}

/** Records the sign-out. DynamoDB first: once this resolves, every instance refuses the token. */
export async function revokeSession(tokenId: string, tokenExpiresAt: number): Promise<void> {
  await record({ tokenId }, tokenExpiresAt);
}

/**
 * Revokes every session of `userId` that signed in before `notBefore` (seconds), and those of that very second
 * except `keep` (a revocation id, the session to leave signed in). Kept as long as a refresh token of such a session
 * could live (on AWS a refreshed token keeps its auth_time, so the marker still refuses it should GlobalSignOut have
 * failed); a later marker for the same shopper replaces it (it revokes at least as much).
 */
export async function revokeUserSessionsBefore(userId: string, marker: { notBefore: number; keep?: string | null }): Promise<void> {
  const item = { tokenId: `${USER_PREFIX}${userId}`, notBefore: marker.notBefore, ...(marker.keep ? { keep: marker.keep } : {}) };
  await record(item, nowSeconds() + REFRESH_COOKIE_MAX_AGE);
}

async function record(item: { tokenId: string; notBefore?: number; keep?: string }, tokenExpiresAt: number): Promise<void> {
  const expiresAt = Math.max(tokenExpiresAt, nowSeconds() + MIN_KEEP_SECONDS);
  await dynamoDoc().send(new PutCommand({ TableName: tableName('revokedSessions'), Item: { ...item, expiresAt } }));
  const redis = getRedis();
  if (!redis) return;
  try {
    await redis.set(`${KEY_PREFIX}${item.tokenId}`, redisValue(item), 'EXAT', expiresAt);
  } catch {
    // Redis missed this one: it is no longer complete. DEL may fail too; then its own restart clears the marker.
    await redis.del(COMPLETE).catch(() => undefined);
  }
}

async function liveItem(tokenId: string): Promise<Record<string, unknown> | null> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('revokedSessions'), Key: { tokenId }, ConsistentRead: true }));
  return out.Item !== undefined && Number(out.Item.expiresAt) > nowSeconds() ? out.Item : null;
}

async function revokedInDynamo(tokenId: string | null, claims: RevocableClaims): Promise<boolean> {
  const [token, user] = await Promise.all([tokenId ? liveItem(tokenId) : null, liveItem(`${USER_PREFIX}${claims.sub}`)]);
  return token !== null || revokedByMarker(user ? decodeMarker(redisValue(user)) : null, claims);
}

/** Whether the session was signed out. Throws when neither Redis nor DynamoDB can answer (callers fail closed). */
async function isSessionRevoked(tokenId: string | null, claims: RevocableClaims): Promise<boolean> {
  const redis = getRedis();
  if (redis) {
    try {
      const [complete, revoked, marker] = await redis.mget(COMPLETE, `${KEY_PREFIX}${tokenId ?? '-'}`, `${KEY_PREFIX}${USER_PREFIX}${claims.sub}`);
      if ((tokenId && revoked) || revokedByMarker(decodeMarker(marker), claims)) return true;
      if (complete) return false;
      reloadRedis();
    } catch {
      // Redis failed mid-command: DynamoDB answers.
    }
  }
  return revokedInDynamo(tokenId, claims);
}

export type RevocationState = 'active' | 'revoked' | 'unknown';

/**
 * Whether verified claims belong to a session still signed in. 'unknown' when no store could answer: callers fail
 * closed without ending the session, as for a Cognito outage — middleware lets the request on as signed out, and
 * the handlers' session read answers 503 (session-user.ts).
 */
export async function revocationState(claims: RevocableClaims): Promise<RevocationState> {
  try {
    return (await isSessionRevoked(revocationId(claims), claims)) ? 'revoked' : 'active';
  } catch (err) {
    logger.warn('session revocation check failed; the session is refused until a store answers', { err: String(err) });
    return 'unknown';
  }
}
