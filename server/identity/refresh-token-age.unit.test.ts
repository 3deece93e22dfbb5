import { describe, expect, it } from 'vitest';
import { refreshTokenSignedInAt } from './refresh-token-age';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('refreshTokenSignedInAt (issue 30 L1)', () => {
  it("reads a cognito-local refresh token's iat", () => {
    expect(refreshTokenSignedInAt(`${b64({ alg: 'RS256' })}.${b64({ 'cognito:username': 'u', iat: 1_765_000_000, jti: 'x' })}.sig`)).toBe(1_765_000_000);
  });

  it('says nothing for an encrypted (real Cognito) token, a token without iat, or garbage', () => {
    expect(refreshTokenSignedInAt(`${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.key.iv.cipher.tag`)).toBeNull();
    expect(refreshTokenSignedInAt(`${b64({ alg: 'RS256' })}.${b64({ jti: 'x' })}.sig`)).toBeNull();
    expect(refreshTokenSignedInAt(`${b64({ alg: 'RS256' })}.${b64({ iat: '1765000000' })}.sig`)).toBeNull();
    expect(refreshTokenSignedInAt('a.%%%.c')).toBeNull();
    expect(refreshTokenSignedInAt('opaque')).toBeNull();
  });
});
