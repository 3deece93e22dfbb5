import { createRequire } from 'node:module';
import { CreateUserPoolClientCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { exportSPKI, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as me } from '@/app/api/me/route';
import { cognitoClient } from '../platform/aws/clients';
import { authenticateWithPassword } from './cognito-accounts';
import { type IdentitySettings, identitySettings } from './cognito-settings';
import { establishSession } from './middleware-session';
import { poolJwks } from './pool-jwks';
import { siteUrl } from './testing/auth-requests';
import { type VerifyResult, verifyAccessToken } from './verify-access-token';

// Tokens an attacker could bring, against the verifier and the routes that use it. The "expired", "wrong issuer"
// and "another client" tokens are signed with cognito-local's own private key (it ships in the package), so they
// fail on their claims alone, not on the signature.

const require = createRequire(import.meta.url);
const localKey = require('cognito-local/lib/keys/cognitoLocal.private.json') as { jwk: JWK };

let settings: IdentitySettings;
let real: { accessToken: string; idToken: string; refreshToken: string; claims: Record<string, unknown> };

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function verify(token: string): Promise<VerifyResult> {
  return verifyAccessToken(token, { issuer: settings.issuer, clientId: settings.clientId, keys: poolJwks(settings.jwksUrl) });
}

/** Signs `claims` (merged over the real token's) with cognito-local's key, as cognito-local itself would. */
async function mintWithPoolKey(claims: Record<string, unknown>): Promise<string> {
  const key = await importJWK(localKey.jwk, 'RS256');
  return new SignJWT({ ...real.claims, ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(key);
}

async function meStatus(accessToken: string, extraHeaders: Record<string, string> = {}): Promise<number> {
  const res = await me(new Request(`${siteUrl()}/api/me`, { headers: { cookie: `sf_at=${accessToken}`, ...extraHeaders } }), {});
  return res.status;
}

beforeAll(async () => {
  settings = identitySettings()!;
  const tokens = await authenticateWithPassword({ email: 'shopper@example.com', password: 'Shopper-pass-1' });
  real = {
    accessToken: tokens.accessToken,
    idToken: tokens.idToken!,
    refreshToken: tokens.refreshToken!,
    claims: JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>,
  };
});

describe('access token verification', () => {
  it('accepts the genuine access token', async () => {
    expect(await verify(real.accessToken)).toMatchObject({ ok: true, claims: { sub: real.claims.sub } });
    expect(await meStatus(real.accessToken)).toBe(200);
  });

  it('refuses alg "none"', async () => {
    const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(real.claims)}.`;
    expect(await verify(token)).toEqual({ ok: false, reason: 'invalid' });
    expect(await meStatus(token)).toBe(401);
  });

  it('refuses HS256 signed with the public key (algorithm confusion)', async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const secret = new TextEncoder().encode(await exportSPKI(publicKey));
    const token = await new SignJWT(real.claims).setProtectedHeader({ alg: 'HS256', kid: 'CognitoLocal' }).sign(secret);
    expect(await verify(token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token signed with another RSA key under the pool key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT(real.claims).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(privateKey);
    expect(await verify(token)).toEqual({ ok: false, reason: 'invalid' });
    expect(await meStatus(token)).toBe(401);
  });

  it('refuses an expired token (and says so, so middleware can refresh)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await mintWithPoolKey({ iat: now - 7200, exp: now - 3600 });
    expect(await verify(token)).toEqual({ ok: false, reason: 'expired' });
    expect(await meStatus(token)).toBe(401);
  });

  it('refuses the ID token used as an access token', async () => {
    expect(await verify(real.idToken)).toEqual({ ok: false, reason: 'invalid' });
    expect(await meStatus(real.idToken)).toBe(401);
  });

  it('refuses the refresh token used as an access token', async () => {
    expect(await verify(real.refreshToken)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a genuine token issued to another app client of the same pool', async () => {
    const { UserPoolClient } = await cognitoClient().send(
      new CreateUserPoolClientCommand({
        UserPoolId: settings.userPoolId,
        ClientName: `other-app-${Date.now()}`,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const other = await cognitoClient().send(
      new InitiateAuthCommand({
        ClientId: UserPoolClient!.ClientId!,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'shopper@example.com', PASSWORD: 'Shopper-pass-1' },
      }),
    );
    const token = other.AuthenticationResult!.AccessToken!;
    expect(await verify(token)).toEqual({ ok: false, reason: 'invalid' });
    expect(await meStatus(token)).toBe(401);
  });

  it('refuses a token from another issuer', async () => {
    const token = await mintWithPoolKey({ iss: `${settings.issuer}-other` });
    expect(await verify(token)).toEqual({ ok: false, reason: 'invalid' });
    const tokenNoIss = await mintWithPoolKey({ iss: undefined });
    expect(await verify(tokenNoIss)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('gains nothing from internal headers such as x-middleware-subrequest', async () => {
    const token = `${b64url({ alg: 'none' })}.${b64url(real.claims)}.`;
    const internal = {
      'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
      'x-user-id': String(real.claims.sub),
      'x-invoke-path': '/api/me',
    };
    expect(await meStatus(token, internal)).toBe(401);
    expect(await meStatus('', internal)).toBe(401);
  });

  it('middleware drops a forged session cookie instead of passing it on', async () => {
    const forged = `${b64url({ alg: 'none' })}.${b64url(real.claims)}.`;
    const headers = new Headers({ cookie: `sf_at=${forged}; other=1` });
    const session = await establishSession(headers);
    expect(session.userId).toBeNull();
    expect(session.cookiesToSet.map((c) => [c.name, c.options.maxAge])).toContainEqual(['sf_at', 0]);
    expect(headers.get('cookie')).toBe('other=1');
  });
});
