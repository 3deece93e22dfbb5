import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { PersonalizeEventsClient } from '@aws-sdk/client-personalize-events';
import { PersonalizeRuntimeClient } from '@aws-sdk/client-personalize-runtime';
import { LocationClient } from '@aws-sdk/client-location';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { getConfig } from '../config';
import { observeAwsClient } from '../observability';

// The one AWS client factory. Endpoints come from config so the same adapters talk to the local
// stand-ins and to AWS. Clients are kept on globalThis because Next bundles route handlers,
// middleware and instrumentation separately, and each bundle would otherwise build its own.
// Every client is observed (server/observability/aws-middleware.ts): the request id goes out as `x-request-id`,
// and each call's duration lands in the request's Server-Timing and a debug log line.

type Clients = {
  dynamo?: DynamoDBClient;
  doc?: DynamoDBDocumentClient;
  streams?: DynamoDBStreamsClient;
  cognito?: CognitoIdentityProviderClient;
  personalize?: PersonalizeRuntimeClient;
  personalizeEvents?: PersonalizeEventsClient;
  location?: LocationClient;
  lex?: LexRuntimeV2Client;
  sqs?: SQSClient;
  ses?: SESv2Client;
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
  return (store.dynamo ??= observeAwsClient(
    new DynamoDBClient({
      ...baseOptions(getConfig().DYNAMODB_ENDPOINT),
      maxAttempts: 5,
    }),
    'dynamodb',
  ));
}

/** DocumentClient: plain JS objects in and out (the only marshalling path in the app). It shares the base
 *  client's middleware stack, so its calls are observed (once) as `dynamodb`. */
export function dynamoDoc(): DynamoDBDocumentClient {
  return (store.doc ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true },
  }));
}

export function dynamoStreamsClient(): DynamoDBStreamsClient {
  return (store.streams ??= observeAwsClient(new DynamoDBStreamsClient(baseOptions(getConfig().DYNAMODB_ENDPOINT)), 'dynamodb-streams', {
    quietOutsideRequests: true,
  }));
}

export function cognitoClient(): CognitoIdentityProviderClient {
  return (store.cognito ??= observeAwsClient(new CognitoIdentityProviderClient(baseOptions(getConfig().COGNITO_ENDPOINT)), 'cognito'));
}

// Personalize, Location and Lex run under a ~300 ms budget (server/resilience) with a local engine behind them:
// one attempt only, because an SDK retry inside the budget just turns a throttle into a timeout.
const budgetedOptions = () => ({ region: getConfig().AWS_REGION, maxAttempts: 1 });

export function personalizeClient(): PersonalizeRuntimeClient {
  return (store.personalize ??= observeAwsClient(new PersonalizeRuntimeClient(budgetedOptions()), 'personalize'));
}

export function personalizeEventsClient(): PersonalizeEventsClient {
  return (store.personalizeEvents ??= observeAwsClient(new PersonalizeEventsClient(budgetedOptions()), 'personalize-events'));
}

export function locationClient(): LocationClient {
  return (store.location ??= observeAwsClient(new LocationClient(budgetedOptions()), 'location'));
}

export function lexClient(): LexRuntimeV2Client {
  return (store.lex ??= observeAwsClient(new LexRuntimeV2Client(budgetedOptions()), 'lex'));
}

/** The queue to the warehouse. Locally requests go to the endpoint, never to the host in a queue URL (fauxqs
 *  answers `sqs.<region>.localhost`, which does not resolve everywhere). */
export function sqsClient(): SQSClient {
  const endpoint = getConfig().SQS_ENDPOINT;
  return (store.sqs ??= observeAwsClient(new SQSClient({ ...baseOptions(endpoint), ...(endpoint ? { useQueueUrlAsEndpoint: false } : {}) }), 'sqs', {
    quietOutsideRequests: true,
  }));
}

export function sesClient(): SESv2Client {
  return (store.ses ??= observeAwsClient(new SESv2Client(baseOptions(getConfig().SES_ENDPOINT)), 'ses'));
}

/** For tests that change the environment between suites. */
export function resetAwsClientsForTests(): void {
  for (const key of Object.keys(store) as (keyof Clients)[]) {
    store[key]?.destroy();
    delete store[key];
  }
}
