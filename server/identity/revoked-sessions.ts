import { GetCommand, PutCommand, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { getRedis } from '../cache';
import { tableName } from '../db';
import { logger } from '../observability';
import { processSingleton } from '../runtime';

// Signed-out sessions, so an access token stops working the moment its shopper signs out (verification is local and
// would otherwise accept it until it expires). A revoked token id — `origin_jti`, shared by every access token of one
// sign-in, or `jti` where the issuer has no origin_jti (cognito-local) — is kept until those tokens have expired.
//
// DynamoDB (`revoked-sessions`, TTL on expiresAt) is the record; Redis answers the per-request check without a
// DynamoDB read (ADR 0002: Redis is an accelerator). Redis can be restarted empty, so its "not revoked" counts only
// while the marker COMPLETE is there: whoever finds it missing answers from DynamoDB and reloads the revoked ids
// (a small table: only the sign-outs of the last access-token lifetime) before setting it again. A write that
// reaches DynamoDB but not Redis drops the marker, so nobody trusts Redis until the next reload.

const KEY_PREFIX = 'sf:revoked:';
const COMPLETE = `${KEY_PREFIX}complete`;
// At least this long, whatever the token's own exp: later access tokens of the same sign-in (refreshed before the
// sign-out) share its origin_jti and may outlive the one at hand. Longer than any access-token lifetime we configure.
const MIN_KEEP_SECONDS = 60 * 60;

export type RevocableClaims = { jti: string | undefined; originJti: string | undefined; expiresAt: number };

/** The id a sign-out revokes: every token of the sign-in when the issuer says which (origin_jti), else this token. */
function revocationId(claims: RevocableClaims): string | null {
  return claims.originJti ?? claims.jti ?? null;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function loadIntoRedis(): Promise<void> {
  const redis = getRedis();
  if (!redis) return;
  let start: Record<string, unknown> | undefined;
  const now = nowSeconds();
  do {
    const page: ScanCommandOutput = await dynamoDoc().send(new ScanCommand({ TableName: tableName('revokedSessions'), ExclusiveStartKey: start }));
    const live = (page.Items ?? []).filter((item) => typeof item.tokenId === 'string' && Number(item.expiresAt) > now);
    if (live.length > 0) {
      const batch = redis.multi();
      for (const item of live) batch.set(`${KEY_PREFIX}${item.tokenId}`, '1', 'EXAT', Number(item.expiresAt));
      await batch.exec();
    }
    start = page.LastEvaluatedKey;
  } while (start);
  await redis.set(COMPLETE, '1');
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
  const expiresAt = Math.max(tokenExpiresAt, nowSeconds() + MIN_KEEP_SECONDS);
  await dynamoDoc().send(new PutCommand({ TableName: tableName('revokedSessions'), Item: { tokenId, expiresAt } }));
  const redis = getRedis();
  if (!redis) return;
  try {
    await redis.set(`${KEY_PREFIX}${tokenId}`, '1', 'EXAT', expiresAt);
  } catch {
    // Redis missed this one: it is no longer complete. DEL may fail too; then its own restart clears the marker.
    await redis.del(COMPLETE).catch(() => undefined);
  }
}

async function revokedInDynamo(tokenId: string): Promise<boolean> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('revokedSessions'), Key: { tokenId }, ConsistentRead: true }));
  return out.Item !== undefined && Number(out.Item.expiresAt) > nowSeconds();
}

/** Whether the token id was signed out. Throws when neither Redis nor DynamoDB can answer (callers fail closed). */
async function isSessionRevoked(tokenId: string): Promise<boolean> {
  const redis = getRedis();
  if (redis) {
    try {
      const [complete, revoked] = await redis.mget(COMPLETE, `${KEY_PREFIX}${tokenId}`);
      if (revoked) return true;
      if (complete) return false;
      reloadRedis();
    } catch {
      // Redis failed mid-command: DynamoDB answers.
    }
  }
  return revokedInDynamo(tokenId);
}

export type RevocationState = 'active' | 'revoked' | 'unknown';

/**
 * Whether verified claims belong to a session still signed in. 'unknown' when no store could answer: callers fail
 * closed without ending the session, as for a Cognito outage — middleware lets the request on as signed out, and
 * the handlers' session read answers 503 (session-user.ts).
 */
export async function revocationState(claims: RevocableClaims): Promise<RevocationState> {
  const id = revocationId(claims);
  if (!id) return 'active';
  try {
    return (await isSessionRevoked(id)) ? 'revoked' : 'active';
  } catch (err) {
    logger.warn('session revocation check failed; the session is refused until a store answers', { err: String(err) });
    return 'unknown';
  }
}
