import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { PersonalizeEventsClient } from '@aws-sdk/client-personalize-events';
import { PersonalizeRuntimeClient } from '@aws-sdk/client-personalize-runtime';
import { LocationClient } from '@aws-sdk/client-location';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { getConfig } from '../config';

// The one AWS client factory. Endpoints come from config so the same adapters talk to the local
// stand-ins and to AWS. Clients are kept on globalThis because Next bundles route handlers,
// middleware and instrumentation separately, and each bundle would otherwise build its own.

type Clients = {
  dynamo?: DynamoDBClient;
  doc?: DynamoDBDocumentClient;
  streams?: DynamoDBStreamsClient;
  cognito?: CognitoIdentityProviderClient;
  personalize?: PersonalizeRuntimeClient;
  personalizeEvents?: PersonalizeEventsClient;
  location?: LocationClient;
  lex?: LexRuntimeV2Client;
};
const store = ((globalThis as { __storefrontAwsClients?: Clients }).__storefrontAwsClients ??= {});

// Stand-ins accept any credentials; fixed ones keep the SDK from searching the machine for real ones.
const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

function baseOptions(endpoint: string | undefined) {
  const { AWS_REGION } = getConfig();
  return endpoint
    ? { region: AWS_REGION, endpoint, credentials: localCredentials }
    : { region: AWS_REGION };
}

export function dynamoClient(): DynamoDBClient {
  return (store.dynamo ??= new DynamoDBClient({
    ...baseOptions(getConfig().DYNAMODB_ENDPOINT),
    maxAttempts: 5,
  }));
}

/** DocumentClient: plain JS objects in and out (the only marshalling path in the app). */
export function dynamoDoc(): DynamoDBDocumentClient {
  return (store.doc ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true },
  }));
}

export function dynamoStreamsClient(): DynamoDBStreamsClient {
  return (store.streams ??= new DynamoDBStreamsClient(baseOptions(getConfig().DYNAMODB_ENDPOINT)));
}

export function cognitoClient(): CognitoIdentityProviderClient {
  return (store.cognito ??= new CognitoIdentityProviderClient(baseOptions(getConfig().COGNITO_ENDPOINT)));
}

// Personalize, Location and Lex run under a ~300 ms budget (server/resilience) with a local engine behind them:
// one attempt only, because an SDK retry inside the budget just turns a throttle into a timeout.
const budgetedOptions = () => ({ region: getConfig().AWS_REGION, maxAttempts: 1 });

export function personalizeClient(): PersonalizeRuntimeClient {
  return (store.personalize ??= new PersonalizeRuntimeClient(budgetedOptions()));
}

export function personalizeEventsClient(): PersonalizeEventsClient {
  return (store.personalizeEvents ??= new PersonalizeEventsClient(budgetedOptions()));
}

export function locationClient(): LocationClient {
  return (store.location ??= new LocationClient(budgetedOptions()));
}

export function lexClient(): LexRuntimeV2Client {
  return (store.lex ??= new LexRuntimeV2Client(budgetedOptions()));
}

/** For tests that change the environment between suites. */
export function resetAwsClientsForTests(): void {
  for (const key of Object.keys(store) as (keyof Clients)[]) {
    store[key]?.destroy();
    delete store[key];
  }
}
