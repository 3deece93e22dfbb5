import { AthenaClient } from '@aws-sdk/client-athena';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { LocationClient } from '@aws-sdk/client-location';
import { PersonalizeEventsClient } from '@aws-sdk/client-personalize-events';
import { PersonalizeRuntimeClient } from '@aws-sdk/client-personalize-runtime';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getConfig } from '../config';
import { observeAwsClient } from '../observability';
import { processSingleton } from '../runtime';
import { budgetedRetryStrategy } from './sdk-retry-strategy';

// The one AWS client factory. Endpoints come from config so the same adapters talk to the local
// stand-ins and to AWS. Clients are process singletons (server/platform/runtime): Next bundles route handlers,
// middleware and instrumentation separately, and each bundle would otherwise build its own.
// Every client is observed (server/platform/observability/aws-middleware.ts): the request id goes out as `x-request-id`,
// and each call's duration lands in the request's Server-Timing and a debug log line.
// Every client has a connection timeout, a request timeout and bounded retries (docs/hardening.md, "Timeouts per
// AWS client"): without them the SDK waits minutes on a frozen DynamoDB or Cognito, and so does the shopper.

type AwsClient = { destroy(): void };
const clients = processSingleton('aws-clients', () => new Map<string, AwsClient>());

function client<T extends AwsClient>(name: string, create: () => T): T {
  let existing = clients.get(name);
  if (!existing) {
    existing = create();
    clients.set(name, existing);
  }
  return existing as T;
}

// Stand-ins accept any credentials; fixed ones keep the SDK from searching the machine for real ones.
const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

function baseOptions(endpoint: string | undefined) {
  const { AWS_REGION } = getConfig();
  return endpoint ? { region: AWS_REGION, endpoint, credentials: localCredentials } : { region: AWS_REGION };
}

/** Timeouts and retries for one client; `requestTimeoutMs` also bounds a silent socket mid-answer. */
function limits(opts: { maxAttempts: number; requestTimeoutMs?: number; budgetMs?: number }) {
  const config = getConfig();
  const requestTimeoutMs = opts.requestTimeoutMs ?? config.AWS_REQUEST_TIMEOUT_MS;
  return {
    maxAttempts: opts.maxAttempts,
    retryStrategy: budgetedRetryStrategy({ maxAttempts: opts.maxAttempts, requestTimeoutMs, budgetMs: opts.budgetMs ?? config.AWS_RETRY_BUDGET_MS }),
    requestHandler: {
      connectionTimeout: config.AWS_CONNECT_TIMEOUT_MS,
      requestTimeout: requestTimeoutMs,
      // Without this the SDK only logs a warning when requestTimeout passes, and keeps waiting.
      throwOnRequestTimeout: true,
      socketTimeout: requestTimeoutMs,
    },
  };
}

export function dynamoClient(): DynamoDBClient {
  return client('dynamodb', () =>
    observeAwsClient(
      new DynamoDBClient({ ...baseOptions(getConfig().DYNAMODB_ENDPOINT), ...limits({ maxAttempts: getConfig().DYNAMODB_MAX_ATTEMPTS }) }),
      'dynamodb',
    ),
  );
}

/** DocumentClient: plain JS objects in and out (the only marshalling path in the app). It shares the base
 *  client's middleware stack, so its calls are observed (once) as `dynamodb`. */
export function dynamoDoc(): DynamoDBDocumentClient {
  return client('dynamodb-doc', () => DynamoDBDocumentClient.from(dynamoClient(), { marshallOptions: { removeUndefinedValues: true } }));
}

/**
 * DynamoDB for bulk work nobody waits on a page for: provisioning tables, the catalog importer, test tables.
 * Same attempts, a request timeout of AWS_BULK_REQUEST_TIMEOUT_MS (a CreateTable with nine indexes or a full
 * BatchWriteItem can take seconds on a loaded machine), and room for one retry of a timed-out call.
 */
export function dynamoBulkClient(): DynamoDBClient {
  return client('dynamodb-bulk', () => {
    const { DYNAMODB_ENDPOINT, DYNAMODB_MAX_ATTEMPTS, AWS_BULK_REQUEST_TIMEOUT_MS } = getConfig();
    const bulk = limits({
      maxAttempts: DYNAMODB_MAX_ATTEMPTS,
      requestTimeoutMs: AWS_BULK_REQUEST_TIMEOUT_MS,
      budgetMs: 2 * AWS_BULK_REQUEST_TIMEOUT_MS + 1_000,
    });
    return observeAwsClient(new DynamoDBClient({ ...baseOptions(DYNAMODB_ENDPOINT), ...bulk }), 'dynamodb-bulk', { quietOutsideRequests: true });
  });
}

export function dynamoBulkDoc(): DynamoDBDocumentClient {
  return client('dynamodb-bulk-doc', () => DynamoDBDocumentClient.from(dynamoBulkClient(), { marshallOptions: { removeUndefinedValues: true } }));
}

/**
 * The stream readers poll in the background and retry with their own backoff, so the SDK makes few attempts here.
 * GetRecords is not a long poll on DynamoDB Streams (it answers at once, empty or not), so the ordinary request
 * timeout fits; a long-polling client (SQS ReceiveMessage with WaitTimeSeconds) would need a longer one.
 */
export function dynamoStreamsClient(): DynamoDBStreamsClient {
  return client('dynamodb-streams', () =>
    observeAwsClient(new DynamoDBStreamsClient({ ...baseOptions(getConfig().DYNAMODB_ENDPOINT), ...limits({ maxAttempts: 3 }) }), 'dynamodb-streams', {
      quietOutsideRequests: true,
    }),
  );
}

export function cognitoClient(): CognitoIdentityProviderClient {
  return client('cognito', () =>
    observeAwsClient(
      new CognitoIdentityProviderClient({ ...baseOptions(getConfig().COGNITO_ENDPOINT), ...limits({ maxAttempts: getConfig().COGNITO_MAX_ATTEMPTS }) }),
      'cognito',
    ),
  );
}

// Personalize, Location and Lex run under a ~300 ms budget (server/platform/runtime) with a local engine behind them:
// one attempt only, because an SDK retry inside the budget just turns a throttle into a timeout. The timeouts
// still close a socket the budget gave up on.
const budgetedOptions = () => ({ region: getConfig().AWS_REGION, ...limits({ maxAttempts: 1 }) });

export function personalizeClient(): PersonalizeRuntimeClient {
  return client('personalize', () => observeAwsClient(new PersonalizeRuntimeClient(budgetedOptions()), 'personalize'));
}

export function personalizeEventsClient(): PersonalizeEventsClient {
  return client('personalize-events', () => observeAwsClient(new PersonalizeEventsClient(budgetedOptions()), 'personalize-events'));
}

export function locationClient(): LocationClient {
  return client('location', () => observeAwsClient(new LocationClient(budgetedOptions()), 'location'));
}

export function lexClient(): LexRuntimeV2Client {
  return client('lex', () => observeAwsClient(new LexRuntimeV2Client(budgetedOptions()), 'lex'));
}

/**
 * The chat assistant's model (server/assistant). One attempt, like the other managed AI services: its whole loop runs
 * under BEDROCK_BUDGET_MS with the local engine behind it, and a model call may take seconds, so the request timeout
 * is the budget's, not the 3 s of table reads.
 */
export function bedrockClient(): BedrockRuntimeClient {
  return client('bedrock', () =>
    observeAwsClient(
      new BedrockRuntimeClient({ region: getConfig().AWS_REGION, ...limits({ maxAttempts: 1, requestTimeoutMs: getConfig().BEDROCK_BUDGET_MS }) }),
      'bedrock',
    ),
  );
}

/** The queue to the warehouse. Locally requests go to the endpoint, never to the host in a queue URL (fauxqs
 *  answers `sqs.<region>.localhost`, which does not resolve everywhere). */
export function sqsClient(): SQSClient {
  return client('sqs', () => {
    const endpoint = getConfig().SQS_ENDPOINT;
    // The warehouse's ReceiveMessage waits at most 1 s (server/fulfilment/worker.ts), inside the request timeout;
    // a longer WaitTimeSeconds would need a longer requestTimeoutMs here.
    const sqs = limits({ maxAttempts: 3 });
    return observeAwsClient(new SQSClient({ ...baseOptions(endpoint), ...sqs, ...(endpoint ? { useQueueUrlAsEndpoint: false } : {}) }), 'sqs', {
      quietOutsideRequests: true,
    });
  });
}

export function sesClient(): SESv2Client {
  return client('ses', () => observeAwsClient(new SESv2Client({ ...baseOptions(getConfig().SES_ENDPOINT), ...limits({ maxAttempts: 3 }) }), 'ses'));
}

/** The customer-events topic (server/customer-events). Locally fauxqs's SNS, on the same port as its SQS. */
export function snsClient(): SNSClient {
  return client('sns', () => observeAwsClient(new SNSClient({ ...baseOptions(getConfig().SNS_ENDPOINT), ...limits({ maxAttempts: 3 }) }), 'sns'));
}

/**
 * The search index snapshots (server/search/snapshot-store.ts). Locally fauxqs's S3 on its SQS port, addressed
 * path-style (`http://127.0.0.1:<port>/<bucket>/<key>`): a bucket subdomain of 127.0.0.1 does not resolve.
 * A snapshot is a few MiB, so a request gets the bulk timeout.
 */
export function s3Client(): S3Client {
  return client('s3', () => {
    const { S3_ENDPOINT, AWS_BULK_REQUEST_TIMEOUT_MS } = getConfig();
    const s3 = limits({ maxAttempts: 3, requestTimeoutMs: AWS_BULK_REQUEST_TIMEOUT_MS, budgetMs: 2 * AWS_BULK_REQUEST_TIMEOUT_MS + 1_000 });
    return observeAwsClient(new S3Client({ ...baseOptions(S3_ENDPOINT), ...s3, ...(S3_ENDPOINT ? { forcePathStyle: true } : {}) }), 's3', {
      quietOutsideRequests: true,
    });
  });
}

/** Analytics events to Kinesis Data Firehose (AWS only; locally events go to Parquet files). Sent after responses. */
export function firehoseClient(): FirehoseClient {
  return client('firehose', () =>
    observeAwsClient(new FirehoseClient({ region: getConfig().AWS_REGION, ...limits({ maxAttempts: 3 }) }), 'firehose', { quietOutsideRequests: true }),
  );
}

/** The marketers' dashboard queries on AWS (locally DuckDB answers them). A query polls, so the budget is longer. */
export function athenaClient(): AthenaClient {
  return client('athena', () => observeAwsClient(new AthenaClient({ region: getConfig().AWS_REGION, ...limits({ maxAttempts: 3 }) }), 'athena'));
}

/** For tests that change the environment between suites. */
export function resetAwsClientsForTests(): void {
  for (const existing of clients.values()) existing.destroy();
  clients.clear();
}
