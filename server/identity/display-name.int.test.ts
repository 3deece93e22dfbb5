import { DescribeUserPoolClientCommand, UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, inject, it, vi } from 'vitest';
import { POST as signIn } from '@/app/api/auth/sign-in/route';
import { POST as signUp } from '@/app/api/auth/sign-up/route';
import { GET as me } from '@/app/api/me/route';
import { cognitoClient } from '../platform/aws/clients';
import { NEUTRAL_NAME } from './display-name';
import { cookieHeaderFrom, jsonRequest, setCookies, siteUrl, testAddress, uniqueEmail } from './testing/auth-requests';

// Issue 30 L6: a display name written straight at Cognito (UpdateUserAttributes with the shopper's own access token
// and the public app client), around the shop's name rules. Against the real cognito-local of the test stack.

const cartHooks = vi.hoisted(() => ({ onSignIn: vi.fn(async (_userId: string) => {}), eraseCartOf: vi.fn(async (_userId: string) => {}) }));
vi.mock('@/server/cart', () => cartHooks);

const env = inject('localStackEnv');
const PASSWORD = 'Sturdy-pass-42';

async function nameSeenWith(cookie: string): Promise<string> {
  const res = await me(new Request(`${siteUrl()}/api/me`, { headers: { cookie } }), {});
  expect(res.status).toBe(200);
  return ((await res.json()) as { user: { name: string } }).user.name;
}

describe('display names set around the shop (issue 30 L6)', () => {
  it('the app client may not write name (WriteAttributes), as on AWS', async () => {
    const { UserPoolClient } = await cognitoClient().send(
      new DescribeUserPoolClientCommand({ UserPoolId: env.COGNITO_USER_POOL_ID!, ClientId: env.COGNITO_CLIENT_ID! }),
    );
    expect(UserPoolClient?.WriteAttributes).toEqual(['email']);
  });

  it('sign-up still stores the name the form took (written by the server), and the form refuses bidi controls', async () => {
    const address = { 'x-storefront-peer-address': testAddress() };
    const email = uniqueEmail('named');
    expect((await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name: 'Robin Tester' }, address), {})).status).toBe(201);
    const res = await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }, address), {});
    expect(await nameSeenWith(cookieHeaderFrom(res))).toBe('Robin Tester');
    const bidi = await signUp(jsonRequest('/api/auth/sign-up', { email: uniqueEmail('bidi'), password: PASSWORD, name: 'Robin \u202Egnp.exe' }, address), {});
    expect(bidi.status).toBe(400);
  });

  it('a name set straight at Cognito with bidi overrides or markup is shown as a neutral name', async () => {
    const address = { 'x-storefront-peer-address': testAddress() };
    for (const hostile of ['Robin \u202Egnp.exe', '<img src=x onerror=alert(1)>', 'Line\u2028break', 'Tab\tname']) {
      const email = uniqueEmail('rename');
      expect((await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name: 'Fine Name' }, address), {})).status).toBe(201);
      const first = await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }, address), {});
      const accessToken = setCookies(first).get('sf_at')!.value;
      // What the tester did: the public client id and the shopper's own token, straight at the user pool.
      // cognito-local does not enforce WriteAttributes, so locally the write lands (on AWS it is refused).
      await cognitoClient().send(new UpdateUserAttributesCommand({ AccessToken: accessToken, UserAttributes: [{ Name: 'name', Value: hostile }] }));
      // The next sign-in reads the name from Cognito; so does a session without the profile cookie.
      const again = await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }, address), {});
      expect(await nameSeenWith(cookieHeaderFrom(again)), hostile).toBe(NEUTRAL_NAME);
      expect(await nameSeenWith(`sf_at=${setCookies(again).get('sf_at')!.value}`), hostile).toBe(NEUTRAL_NAME);
    }
  }, 60_000);
});
