import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GroupExistsException,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolClientCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { seedFlags } from '../server/flags/seed-flags';
import { cognitoClient, dynamoClient, resetAwsClientsForTests } from '../server/platform/aws/clients';
import { getConfig, resetConfigForTests } from '../server/platform/config';
import { tableName as resolveTableName, TABLE_TTL_ATTRIBUTES, type TableKey, tableDefinitions } from '../server/platform/db/tables';
import { DEMO_ACCOUNTS, LOCAL_CLIENT_NAME, LOCAL_GROUPS, LOCAL_POOL_NAME } from './demo-accounts';
import { provisionProductImagesBucket, provisionSnapshotBucket } from './s3-local';
import { provisionCustomerEvents } from './sns-local';
import { provisionQueues } from './sqs-local';

// Idempotent provisioning of the stand-ins, run on every start: whatever is missing is created, whatever exists
// is left as it is (except the demo passwords, which are set again so the documented ones always work).
// It goes through server/platform/aws/clients.ts, so it first points this process's config at the stack.

/** Points server/platform/config/index.ts (and the cached AWS clients) in this process at the given environment. */
export function applyEnv(env: Record<string, string>): void {
  Object.assign(process.env, env);
  resetConfigForTests();
  resetAwsClientsForTests();
}

export type TablesResult = { created: string[]; existing: string[] };

async function listAllTables(): Promise<Set<string>> {
  const names = new Set<string>();
  let start: string | undefined;
  do {
    const page = await dynamoClient().send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    for (const name of page.TableNames ?? []) names.add(name);
    start = page.LastEvaluatedTableName;
  } while (start);
  return names;
}

/** Creates every table of tableDefinitions() that does not exist yet and waits until each is ACTIVE. */
export async function provisionTables(): Promise<TablesResult> {
  const existingNames = await listAllTables();
  const result: TablesResult = { created: [], existing: [] };
  await Promise.all(
    tableDefinitions().map(async (def) => {
      const name = def.TableName!;
      if (existingNames.has(name)) {
        result.existing.push(name);
        await warnOnIndexDrift(def.TableName!, def.GlobalSecondaryIndexes ?? []);
        return;
      }
      try {
        await dynamoClient().send(new CreateTableCommand(def));
        result.created.push(name);
      } catch (err) {
        // Another process provisioning the same DynamoDB Local at the same moment got there first.
        if (!(err instanceof ResourceInUseException)) throw err;
        result.existing.push(name);
      }
      await waitUntilTableExists({ client: dynamoClient(), maxWaitTime: 30, minDelay: 1 }, { TableName: name });
      await enableTimeToLive(name);
    }),
  );
  result.created.sort();
  result.existing.sort();
  return result;
}

async function enableTimeToLive(tableName: string): Promise<void> {
  const key = (Object.keys(TABLE_TTL_ATTRIBUTES) as TableKey[]).find((k) => resolveTableName(k) === tableName);
  const attribute = key ? TABLE_TTL_ATTRIBUTES[key] : undefined;
  if (!attribute) return;
  try {
    await dynamoClient().send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: attribute } }));
  } catch (err) {
    // A concurrent provisioner of the same DynamoDB Local enabled it first.
    if (!/already enabled/i.test(String((err as Error).message))) throw err;
  }
}

// Tables are never altered here: a table kept from an older definition gets a hint instead of silent drift. An index
// whose keys changed (the orders' byStatus on `statusShard` since ADR 0033) counts as drift too: queries of it fail.
async function warnOnIndexDrift(tableName: string, expected: NonNullable<CreateTableCommandInput['GlobalSecondaryIndexes']>): Promise<void> {
  if (expected.length === 0) return;
  const { Table } = await dynamoClient().send(new DescribeTableCommand({ TableName: tableName }));
  const keysOf = (schema: { AttributeName?: string; KeyType?: string }[] | undefined) => (schema ?? []).map((k) => `${k.KeyType}:${k.AttributeName}`).join(',');
  const actual = new Map((Table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, keysOf(i.KeySchema)]));
  const drifted = expected.filter((i) => actual.get(i.IndexName) !== keysOf(i.KeySchema)).map((i) => i.IndexName);
  if (drifted.length > 0) {
    console.warn(`Table ${tableName} lacks index ${drifted.join(', ')} as defined now (added or re-keyed after it was created): run \`npm run reset\``);
  }
}

export type CognitoResult = { userPoolId: string; clientId: string };

async function ensurePool(): Promise<string> {
  const cognito = cognitoClient();
  const { UserPools } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const found = UserPools?.find((p) => p.Name === LOCAL_POOL_NAME)?.Id;
  if (found) return found;
  const { UserPool } = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: LOCAL_POOL_NAME,
      // Email is the sign-in name (the username is the user's sub), as in the deployed pool.
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: false,
        },
      },
    }),
  );
  if (!UserPool?.Id) throw new Error('cognito-local did not return a user pool id');
  return UserPool.Id;
}

// As the deployed app client (sst.config.ts): 15-minute access tokens (a stolen one is short-lived even where
// revocation cannot reach it), 30-day refresh tokens to match the sf_rt cookie. cognito-local honours both.
// WriteAttributes without `name` (issue 30 L6): cognito-local stores it but does not enforce it (its
// UpdateUserAttributes writes any attribute), so locally the shop's re-validation of names read back
// (server/identity/display-name.ts) is the defence; on AWS Cognito refuses the write itself.
const CLIENT_SETTINGS = {
  WriteAttributes: ['email'] as string[],
  AccessTokenValidity: 15,
  IdTokenValidity: 15,
  RefreshTokenValidity: 30,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
} as const;

async function ensureClient(userPoolId: string): Promise<string> {
  const cognito = cognitoClient();
  const { UserPoolClients } = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  const found = UserPoolClients?.find((c) => c.ClientName === LOCAL_CLIENT_NAME)?.ClientId;
  if (found) {
    // A stack kept from before the lifetimes were set gets them now (cognito-local's default is 24 h).
    await cognito.send(new UpdateUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: found, ...CLIENT_SETTINGS }));
    return found;
  }
  const { UserPoolClient } = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: LOCAL_CLIENT_NAME,
      // A public client (the BFF signs in with the user's password); no secret to keep anywhere.
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      ...CLIENT_SETTINGS,
    }),
  );
  if (!UserPoolClient?.ClientId) throw new Error('cognito-local did not return an app client id');
  return UserPoolClient.ClientId;
}

async function ensureGroup(userPoolId: string, groupName: string): Promise<void> {
  const cognito = cognitoClient();
  // ListGroups rather than GetGroup: cognito-local 5.3's GetGroup answers 500 while a pool has no groups at all.
  const { Groups } = await cognito.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60 }));
  if (Groups?.some((g) => g.GroupName === groupName)) return;
  try {
    await cognito.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: groupName }));
  } catch (err) {
    if (!(err instanceof GroupExistsException)) throw err;
  }
}

async function ensureDemoAccount(userPoolId: string, account: (typeof DEMO_ACCOUNTS)[number]): Promise<void> {
  const cognito = cognitoClient();
  // The pool signs in by email; the stored username is the user's sub. Later calls use that username, because
  // cognito-local's AdminListGroupsForUser matches it literally (real Cognito accepts either).
  let username: string | undefined;
  try {
    username = (await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: account.email }))).Username;
  } catch (err) {
    if (!(err instanceof UserNotFoundException)) throw err;
    const { User } = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: account.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: account.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: account.name },
        ],
      }),
    );
    username = User?.Username;
  }
  if (!username) throw new Error(`cognito-local returned no username for ${account.email}`);
  // Permanent: the account is CONFIRMED and signs in without a forced password change.
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: username,
      Password: account.password,
      Permanent: true,
    }),
  );
  if (account.groups.length === 0) return;
  const { Groups } = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }));
  const current = new Set((Groups ?? []).map((g) => g.GroupName));
  for (const GroupName of account.groups) {
    if (!current.has(GroupName)) {
      await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName }));
    }
  }
}

/** Creates (or finds by name) the pool, app client, groups and demo accounts. */
export async function provisionCognito(): Promise<CognitoResult> {
  const userPoolId = await ensurePool();
  const clientId = await ensureClient(userPoolId);
  for (const group of LOCAL_GROUPS) await ensureGroup(userPoolId, group);
  // One at a time: cognito-local keeps each pool in one JSON file and concurrent writes can lose an update.
  for (const account of DEMO_ACCOUNTS) await ensureDemoAccount(userPoolId, account);
  return { userPoolId, clientId };
}

/**
 * Provisions the stack whose endpoints are in `env` and returns the env completed with the pool and client ids.
 * Leaves this process's config pointing at the stack.
 */
export async function provision(env: Record<string, string>): Promise<{ env: Record<string, string>; tables: TablesResult; cognito: CognitoResult }> {
  // Provisioning is bulk work nobody waits on a page for (CreateTable with nine indexes, cognito-local rewriting its
  // JSON file per change), done while the machine is busiest (the JVM starting): every client gets the bulk request
  // timeout and budget meanwhile, and this process's request-path timeouts are put back afterwards.
  const requestPath = { AWS_REQUEST_TIMEOUT_MS: process.env.AWS_REQUEST_TIMEOUT_MS, AWS_RETRY_BUDGET_MS: process.env.AWS_RETRY_BUDGET_MS };
  applyEnv(env);
  const bulkMs = getConfig().AWS_BULK_REQUEST_TIMEOUT_MS;
  applyEnv({ AWS_REQUEST_TIMEOUT_MS: String(bulkMs), AWS_RETRY_BUDGET_MS: String(2 * bulkMs + 1_000) });
  let result: { env: Record<string, string>; tables: TablesResult; cognito: CognitoResult };
  try {
    const [tables, cognito] = await Promise.all([provisionTables(), provisionCognito()]);
    // Built-in feature flags: each written only if absent, so a marketer's changes survive restarts (server/flags).
    await seedFlags();
    const queues = env.SQS_ENDPOINT ? await provisionQueues(env.TABLE_PREFIX ?? '', Number(env.FULFILMENT_VISIBILITY_SECONDS ?? 120)) : {};
    const customerEvents = env.SNS_ENDPOINT ? await provisionCustomerEvents(env.TABLE_PREFIX ?? '') : {};
    const snapshots = env.S3_ENDPOINT ? await provisionSnapshotBucket(env.TABLE_PREFIX ?? '') : {};
    const productImages = env.S3_ENDPOINT ? await provisionProductImagesBucket(env.TABLE_PREFIX ?? '') : {};
    result = {
      env: {
        ...env,
        ...queues,
        ...customerEvents,
        ...snapshots,
        ...productImages,
        COGNITO_USER_POOL_ID: cognito.userPoolId,
        COGNITO_CLIENT_ID: cognito.clientId,
      },
      tables,
      cognito,
    };
  } finally {
    for (const [key, value] of Object.entries(requestPath)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  applyEnv(result.env);
  return result;
}
