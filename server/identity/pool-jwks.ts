import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { processSingleton } from '../platform/runtime';

// One remote key set per JWKS URL per process, a process singleton (server/platform/runtime) because Next bundles
// middleware, route handlers and server components separately; each bundle would otherwise fetch the keys itself.
const store = processSingleton('identity:jwks', () => new Map<string, JWTVerifyGetKey>());

/** The pool's keys, fetched on first use and cached; an unknown `kid` refetches at most once per cooldown. */
export function poolJwks(jwksUrl: string): JWTVerifyGetKey {
  let keys = store.get(jwksUrl);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUrl), {
      // Cognito rotates keys rarely; a forged token with a random kid can force a refetch only every 30 s.
      cacheMaxAge: 6 * 60 * 60 * 1000,
      cooldownDuration: 30_000,
      timeoutDuration: 3_000,
    });
    store.set(jwksUrl, keys);
  }
  return keys;
}
