import { getConfig } from '../platform/config';

// Where the user pool lives and who we are to it. Derived from the one config, so the same code verifies tokens from
// cognito-local (COGNITO_ENDPOINT set, pool ids `local_…`) and from the real pool.
// No 'server-only' import: middleware.ts uses this module, and middleware is not compiled as a react-server module.

export type IdentitySettings = {
  userPoolId: string;
  clientId: string;
  /** `iss` of every token the pool signs: `<endpoint>/<poolId>`. */
  issuer: string;
  /** The pool's public keys. Never discovered via openid-configuration: cognito-local's hard-codes localhost:9229. */
  jwksUrl: string;
  /** True against the local stand-in, where new accounts are confirmed at once so suites can run. */
  local: boolean;
};

/** The settings, or null when the pool is not configured (then nobody can be signed in). */
export function identitySettings(): IdentitySettings | null {
  const { COGNITO_ENDPOINT, COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, AWS_REGION } = getConfig();
  if (!COGNITO_USER_POOL_ID || !COGNITO_CLIENT_ID) return null;
  const base = (COGNITO_ENDPOINT ?? `https://cognito-idp.${AWS_REGION}.amazonaws.com`).replace(/\/+$/, '');
  const issuer = `${base}/${COGNITO_USER_POOL_ID}`;
  return {
    userPoolId: COGNITO_USER_POOL_ID,
    clientId: COGNITO_CLIENT_ID,
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    local: COGNITO_ENDPOINT !== undefined,
  };
}
