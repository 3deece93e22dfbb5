import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { Redis } from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, LOCAL_CLIENT_NAME, LOCAL_POOL_NAME, MARKETERS_GROUP, OPERATIONS_GROUP } from '../local/demo-accounts';
import { provision } from '../local/provision';
import { cognitoClient, dynamoClient } from '../server/platform/aws/clients';
import { tableDefinitions } from '../server/platform/db/tables';

// The local stack started by tests/integration-setup.ts: tables, pool, demo accounts, Redis, and that
// provisioning again changes nothing.

const env = inject('localStackEnv');
const poolId = env.COGNITO_USER_POOL_ID!;
const clientId = env.COGNITO_CLIENT_ID!;

function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function signIn(email: string, password: string) {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  return out.AuthenticationResult!;
}

describe('local stack', () => {
  it('workers see the stack env through process.env', () => {
    expect(process.env.DYNAMODB_ENDPOINT).toBe(env.DYNAMODB_ENDPOINT);
    expect(env.DYNAMODB_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.COGNITO_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env).toMatchObject({ AWS_REGION: 'us-east-1', STREAM_CONSUMERS: 'inprocess', TABLE_PREFIX: 'storefront-local-' });
  });

  it('has every table from tableDefinitions(), ACTIVE', async () => {
    const { TableNames = [] } = await dynamoClient().send(new ListTablesCommand({}));
    for (const def of tableDefinitions()) {
      expect(TableNames).toContain(def.TableName);
      const { Table } = await dynamoClient().send(new DescribeTableCommand({ TableName: def.TableName }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort()).toEqual((def.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort());
    }
  });

  it.each(DEMO_ACCOUNTS)('$email signs in with USER_PASSWORD_AUTH', async (account) => {
    const tokens = await signIn(account.email, account.password);
    expect(tokens.AccessToken).toBeTruthy();
    expect(tokens.RefreshToken).toBeTruthy();
    const id = jwtPayload(tokens.IdToken!);
    expect(id).toMatchObject({ email: account.email, email_verified: true, aud: clientId, token_use: 'id' });
    // 127.0.0.1, not localhost: the issuer the app verifies against is built from COGNITO_ENDPOINT.
    expect(id.iss).toBe(`${env.COGNITO_ENDPOINT}/${poolId}`);
    const access = jwtPayload(tokens.AccessToken!);
    expect(access).toMatchObject({ token_use: 'access', client_id: clientId });
    // cognito-local's ID token carries no `name` claim (real Cognito's does): the name is a user attribute.
    const user = await cognitoClient().send(new AdminGetUserCommand({ UserPoolId: poolId, Username: account.email }));
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'name', Value: account.name }]));
  });

  it('rejects a wrong password', async () => {
    // Real Cognito answers NotAuthorizedException; cognito-local 5.3 answers InvalidPasswordException.
    const err = await signIn('shopper@example.com', 'Wrong-pass-1').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(['NotAuthorizedException', 'InvalidPasswordException']).toContain((err as Error).name);
  });

  it('puts the marketer, and only the marketer, in the marketers group', async () => {
    // By username (the sub): cognito-local's AdminListGroupsForUser does not resolve the email alias.
    const groupsOf = async (email: string) => {
      const { Username } = await cognitoClient().send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }));
      const { Groups } = await cognitoClient().send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username }));
      return Groups?.map((g) => g.GroupName);
    };
    expect(await groupsOf('marketer@example.com')).toEqual([MARKETERS_GROUP]);
    expect(await groupsOf('shopper@example.com')).toEqual([]);
    const tokens = await signIn('marketer@example.com', 'Marketer-pass-1');
    expect(jwtPayload(tokens.AccessToken!)['cognito:groups']).toEqual([MARKETERS_GROUP]);
  });

  it('puts the operations account, and only it, in the operations group', async () => {
    const { Username } = await cognitoClient().send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ops@example.com' }));
    const { Groups } = await cognitoClient().send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username }));
    expect(Groups?.map((g) => g.GroupName)).toEqual([OPERATIONS_GROUP]);
    const tokens = await signIn('ops@example.com', 'Operations-pass-1');
    expect(jwtPayload(tokens.AccessToken!)['cognito:groups']).toEqual([OPERATIONS_GROUP]);
    const members = (await cognitoClient().send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: OPERATIONS_GROUP }))).Users ?? [];
    expect(members.map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value)).toEqual(['ops@example.com']);
  });

  it('provisions idempotently: a second and third run create nothing and keep the ids', async () => {
    const base = Object.fromEntries(Object.entries(env).filter(([key]) => key !== 'COGNITO_USER_POOL_ID' && key !== 'COGNITO_CLIENT_ID'));
    for (let run = 0; run < 2; run += 1) {
      const again = await provision(base);
      expect(again.tables.created).toEqual([]);
      expect(again.tables.existing).toHaveLength(tableDefinitions().length);
      expect(again.env).toEqual(env);
    }
    const cognito = cognitoClient();
    const pools = (await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? [];
    expect(pools.filter((p) => p.Name === LOCAL_POOL_NAME)).toHaveLength(1);
    const clients = (await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 }))).UserPoolClients;
    expect(clients?.filter((c) => c.ClientName === LOCAL_CLIENT_NAME)).toHaveLength(1);
    // Other suites sign up their own shoppers in this pool: look at the demo accounts only.
    const users = (await cognito.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 60 }))).Users ?? [];
    const emailOf = (u: (typeof users)[number]) => u.Attributes?.find((a) => a.Name === 'email')?.Value;
    const demo = users.filter((u) => DEMO_ACCOUNTS.some((a) => a.email === emailOf(u)));
    expect(demo.map(emailOf).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(demo.every((u) => u.UserStatus === 'CONFIRMED')).toBe(true);
    const members = (await cognito.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: MARKETERS_GROUP }))).Users;
    expect(members).toHaveLength(1);
    // The demo passwords still work after re-provisioning.
    expect((await signIn('shopper@example.com', 'Shopper-pass-1')).AccessToken).toBeTruthy();
  });

  it.runIf(Boolean(env.REDIS_URL))('answers PING on REDIS_URL', async () => {
    const redis = new Redis(env.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    try {
      await redis.connect();
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
    }
  });
});
