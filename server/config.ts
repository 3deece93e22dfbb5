import { z } from 'zod';

// The one place environment variables are read. Parsed lazily so `next build` works without a stack running.
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AWS_REGION: z.string().default('us-east-1'),
  // Set for the local stack (DynamoDB Local, cognito-local); unset on AWS.
  DYNAMODB_ENDPOINT: optionalUrl,
  COGNITO_ENDPOINT: optionalUrl,
  COGNITO_USER_POOL_ID: optionalString,
  COGNITO_CLIENT_ID: optionalString,
  TABLE_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]*$/).default('storefront-local-'),
  REDIS_URL: optionalUrl,
  SITE_URL: z.string().url().default('http://localhost:3000'),
  // Signs guest-cart cookies and similar opaque ids. Locally a fixed dev value; on AWS an SST secret.
  SESSION_SECRET: z.string().min(16).default('local-dev-secret-change-me-0123456789'),
  // 'inprocess' runs the DynamoDB stream consumers inside the server process (local stack);
  // on AWS they run as stream-subscribed functions, so the server leaves them off.
  STREAM_CONSUMERS: z.enum(['inprocess', 'off']).default('off'),
  PERSONALIZE_SIMILAR_ITEMS_CAMPAIGN_ARN: optionalString,
  PERSONALIZE_USER_CAMPAIGN_ARN: optionalString,
  PERSONALIZE_EVENT_TRACKER_ID: optionalString,
  LOCATION_PLACE_INDEX: optionalString,
  LOCATION_ROUTE_CALCULATOR: optionalString,
  LEX_BOT_ID: optionalString,
  LEX_BOT_ALIAS_ID: optionalString,
  LEX_LOCALE_ID: z.string().default('en_US'),
  // Proxies in front of the server that append to X-Forwarded-For (1 locally or behind one load balancer;
  // 2 for CloudFront in front of a Lambda function URL). Decides which address sign-in rate limits count.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(1),
  // Feature flags (docs/flags.md): how long a flag snapshot is served before DynamoDB is read again (the
  // propagation bound per instance, capped at 5 s), how long a request may wait for a refresh, and a switch
  // that skips the middleware step (for the overhead benchmark only; pages still check their own flags).
  FLAGS_CACHE_TTL_MS: z.coerce.number().int().min(0).max(5_000).default(3_000),
  FLAGS_REFRESH_BUDGET_MS: z.coerce.number().int().min(10).max(5_000).default(300),
  FLAGS_MIDDLEWARE: z.enum(['on', 'off']).default('on'),
  AI_SERVICE_BUDGET_MS: z.coerce.number().int().min(10).max(10_000).default(300),
  // Lowest level written by the logger (docs/observability.md); unset: info, or warn under tests (NODE_ENV=test).
  // debug adds one line per AWS SDK call (service, operation, duration, AWS request id).
  // The queue to the warehouse (docs/orders.md). Locally the stack sets the endpoint (fauxqs) and both URLs; on AWS
  // SST sets the URLs and the endpoint stays unset.
  SQS_ENDPOINT: optionalUrl,
  FULFILMENT_QUEUE_URL: optionalString,
  FULFILMENT_DLQ_URL: optionalString,
  // The simulated warehouse's pace, each step's pause in ms after the one before (API.md: PROCESSING within 5 s,
  // SHIPPED within 20 s, DELIVERED within 40 s, a return RETURNED within 20 s). 'hold' leaves orders for manual
  // work: the worker takes no messages. Tests set every pause to 0.
  FULFILMENT_MODE: z.enum(['auto', 'hold']).default('auto'),
  FULFILMENT_PROCESSING_MS: z.coerce.number().int().min(0).max(5_000).default(2_000),
  FULFILMENT_SHIPPED_MS: z.coerce.number().int().min(0).max(15_000).default(8_000),
  FULFILMENT_DELIVERED_MS: z.coerce.number().int().min(0).max(20_000).default(12_000),
  FULFILMENT_RETURN_MS: z.coerce.number().int().min(0).max(20_000).default(6_000),
  // Seconds a received message stays invisible while the warehouse works it (longer than all pauses together).
  FULFILMENT_VISIBILITY_SECONDS: z.coerce.number().int().min(1).max(43_200).default(120),
  // Email through SES v2 (locally aws-ses-v2-local at SES_ENDPOINT).
  SES_ENDPOINT: optionalUrl,
  MAIL_FROM: z.string().email().default('orders@storefront.example'),
  LOG_LEVEL: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional()),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function getConfig(): Config {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid configuration: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests and the local launcher change the environment; this makes the next read re-parse it. */
export function resetConfigForTests(): void {
  cached = undefined;
}
