import { randomBytes } from 'node:crypto';
import { AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '@/server/platform/aws/clients';

// Real shoppers in the local stack's user pool (cognito-local): created as the provisioning creates the demo
// accounts (confirmed, permanent password), signed in with USER_PASSWORD_AUTH. Their access tokens go into the
// sf_at cookie, so route handlers verify them against the pool's JWKS exactly as in production.

export type Buyer = { email: string; password: string; sub: string; accessToken: string };

const PASSWORD = 'Fault-suite-pass-1';

async function createBuyer(prefix: string): Promise<Buyer> {
  const poolId = process.env.COGNITO_USER_POOL_ID;
  const clientId = process.env.COGNITO_CLIENT_ID;
  if (!poolId || !clientId) throw new Error('the integration stack did not provide a user pool');
  const email = `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}@example.com`;
  const cognito = cognitoClient();
  const { User } = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: prefix },
      ],
    }),
  );
  const username = User?.Username;
  if (!username) throw new Error(`cognito-local returned no username for ${email}`);
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: PASSWORD, Permanent: true }));
  const auth = await cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD } }),
  );
  const accessToken = auth.AuthenticationResult?.AccessToken;
  if (!accessToken) throw new Error(`no access token for ${email}`);
  const sub = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString('utf8')).sub as string;
  return { email, password: PASSWORD, sub, accessToken };
}

/** `count` signed-in buyers, created a few at a time (cognito-local writes a JSON file per change). */
export async function createBuyers(count: number, prefix = 'buyer', concurrency = 10): Promise<Buyer[]> {
  const out: Buyer[] = [];
  for (let i = 0; i < count; i += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - i) }, () => createBuyer(prefix));
    out.push(...(await Promise.all(batch)));
  }
  return out;
}
