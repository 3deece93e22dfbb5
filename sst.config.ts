/// <reference path="./.sst/platform/config.d.ts" />

// The AWS deployment (docs/deploy.md). `npx sst deploy --stage prod` ships everything below; `npx sst dev` runs
// `next dev` on your machine against a stage's real resources. `npm run dev` (the local stack) stays the default.
// Type-checked offline in CI: scripts/typecheck-sst.sh (tsconfig.sst.json against SST's generated platform types).

/** Stages whose data outlives `sst remove` and whose resources are protected from accidental removal. */
const PERSISTENT_STAGES = ['prod', 'production'];

/**
 * Headers only Next, OpenNext, the CDN or our middleware may set (the one list: server/http/internal-headers.ts).
 * Stripped at the edge (CloudFront viewer-request function; its header names arrive lower-cased) and again in
 * middleware.ts, so a client forging them gains nothing even if one layer is bypassed.
 */
const stripInternalHeaders = (prefixes: readonly string[]) => `
  for (const name of Object.keys(event.request.headers)) {
    if (${JSON.stringify(prefixes)}.some((p) => name.indexOf(p) === 0)) delete event.request.headers[name];
  }`;

export default $config({
  app(input) {
    const persistent = PERSISTENT_STAGES.includes(input?.stage ?? '');
    return {
      name: 'storefront',
      home: 'aws',
      removal: persistent ? 'retain' : 'remove',
      protect: persistent,
      providers: { aws: { region: (process.env.AWS_REGION as aws.Region | undefined) ?? 'us-east-1' } },
    };
  },
  async run() {
    const persistent = PERSISTENT_STAGES.includes($app.stage);
    // Table names are `${TABLE_PREFIX}${key}`, as server/db/tables.ts computes them; one prefix per stage.
    const tablePrefix = `${$app.name}-${$app.stage}-`;

    // ---- Secrets (`npx sst secret set SessionSecret … --stage prod`); none live in the repo.
    const sessionSecret = new sst.Secret('SessionSecret');
    // Card payments through Stripe (docs/payments.md): `PAYMENT_PROVIDER=stripe` selects the adapter; the secret API
    // key and the webhook signing secret live here, never in the repo.
    const stripeSecretKey = new sst.Secret('StripeSecretKey');
    const stripeWebhookSecret = new sst.Secret('StripeWebhookSecret');

    // ---- Network: Redis lives in private subnets; the server and stream functions join the VPC. The NAT gives them
    // egress to Cognito, Personalize, Location and Lex (DynamoDB and S3 traffic also goes through it: see scaling.md).
    // The bastion lets `sst tunnel` (and so `sst dev`) reach Redis from a laptop on non-production stages.
    const vpc = new sst.aws.Vpc('Vpc', {
      az: 2,
      nat: persistent ? 'managed' : 'ec2',
      bastion: !persistent,
    });

    const redis = new sst.aws.Redis('Cache', {
      engine: 'valkey',
      vpc,
      // Cluster mode off: server/cache/redis-connection.mjs uses a plain ioredis client.
      cluster: false,
      instance: persistent ? 'cache.t4g.small' : 'cache.t4g.micro',
    });
    // ElastiCache from SST has in-transit encryption and an auth token: rediss:// with the `default` user.
    const redisUrl = $resolve([redis.username, redis.password, redis.host, redis.port]).apply(
      ([user, password, host, port]) => `rediss://${encodeURIComponent(user ?? 'default')}:${encodeURIComponent(password ?? '')}@${host}:${port ?? 6379}`,
    );

    // ---- DynamoDB: derived from server/db/tables.ts, the same definitions the local stack provisions.
    const { tableDefinitions, TABLE_KEYS, TABLE_TTL_ATTRIBUTES } = await import('./server/db/tables');
    // SST allows no top-level imports in this file: shared modules come in here.
    const { INTERNAL_HEADER_PREFIXES } = await import('./server/http/internal-headers');
    process.env.TABLE_PREFIX = tablePrefix;
    const definitions = tableDefinitions();
    type TableKey = keyof typeof TABLE_KEYS;
    const streamViews = {
      KEYS_ONLY: 'keys-only',
      NEW_IMAGE: 'new-image',
      OLD_IMAGE: 'old-image',
      NEW_AND_OLD_IMAGES: 'new-and-old-images',
    } as const;
    const fieldTypes = { S: 'string', N: 'number', B: 'binary' } as const;

    const tables = {} as Record<TableKey, sst.aws.Dynamo>;
    for (const key of Object.keys(TABLE_KEYS) as TableKey[]) {
      const name = `${tablePrefix}${TABLE_KEYS[key]}`;
      const def = definitions.find((d) => d.TableName === name);
      if (!def?.KeySchema || !def.AttributeDefinitions) throw new Error(`No table definition for ${key}`);
      type KeySchema = { AttributeName?: string; KeyType?: string }[] | undefined;
      const hash = (schema: KeySchema) => schema?.find((k) => k.KeyType === 'HASH')?.AttributeName ?? '';
      const range = (schema: KeySchema) => schema?.find((k) => k.KeyType === 'RANGE')?.AttributeName;
      const view = def.StreamSpecification?.StreamEnabled ? def.StreamSpecification.StreamViewType : undefined;
      const logical = key.charAt(0).toUpperCase() + key.slice(1);
      tables[key] = new sst.aws.Dynamo(`${logical}Table`, {
        fields: Object.fromEntries(def.AttributeDefinitions.map((a) => [a.AttributeName ?? '', fieldTypes[(a.AttributeType ?? 'S') as 'S' | 'N' | 'B']])),
        primaryIndex: { hashKey: hash(def.KeySchema), rangeKey: range(def.KeySchema) },
        globalIndexes: Object.fromEntries(
          (def.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName ?? '', { hashKey: hash(g.KeySchema), rangeKey: range(g.KeySchema) }]),
        ),
        stream: view ? streamViews[view] : undefined,
        ttl: TABLE_TTL_ATTRIBUTES[key],
        deletionProtection: persistent,
        transform: {
          table: (args) => {
            args.name = name;
            args.pointInTimeRecovery = { enabled: persistent };
          },
        },
      });
    }
    const allTables = Object.values(tables);

    // ---- Cognito: sign-in by email, the web app client (token revocation, no user-existence leaks), marketers and operations groups.
    const userPool = new sst.aws.CognitoUserPool('UserPool', {
      usernames: ['email'],
      transform: {
        userPool: (args) => {
          args.passwordPolicy = {
            minimumLength: 10,
            requireLowercase: true,
            requireUppercase: true,
            requireNumbers: true,
            requireSymbols: false,
          };
          args.deletionProtection = persistent ? 'ACTIVE' : 'INACTIVE';
        },
      },
    });
    const webClient = userPool.addClient('Web', {
      transform: {
        client: (args) => {
          args.explicitAuthFlows = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
          args.enableTokenRevocation = true;
          args.preventUserExistenceErrors = 'ENABLED';
          args.generateSecret = false;
          // sf_rt lives 30 days (docs/identity.md); access tokens 15 minutes, refreshed by middleware, so a token
          // copied before sign-out is short-lived even beyond the revoked-sessions list. Same as local/provision.ts.
          args.accessTokenValidity = 15;
          args.idTokenValidity = 15;
          args.refreshTokenValidity = 30;
          args.tokenValidityUnits = { accessToken: 'minutes', idToken: 'minutes', refreshToken: 'days' };
        },
      },
    });
    new aws.cognito.UserGroup('MarketersGroup', {
      userPoolId: userPool.id,
      name: 'marketers',
      description: 'May edit feature flags (/admin/flags)',
    });
    new aws.cognito.UserGroup('OperationsGroup', {
      userPoolId: userPool.id,
      name: 'operations',
      description: 'May work orders: search, cancel, refund, redrive the dead-letter queue (/admin/orders)',
    });

    // ---- Managed AI services: optional; unset means the local engines answer (docs/identity.md, recommendations).
    // Set per stage in the shell that deploys, e.g. PERSONALIZE_SIMILAR_ITEMS_CAMPAIGN_ARN=… npx sst deploy --stage prod.
    const optionalEnv = [
      'PERSONALIZE_SIMILAR_ITEMS_CAMPAIGN_ARN',
      'PERSONALIZE_USER_CAMPAIGN_ARN',
      'PERSONALIZE_EVENT_TRACKER_ID',
      'LOCATION_PLACE_INDEX',
      'LOCATION_ROUTE_CALCULATOR',
      'LEX_BOT_ID',
      'LEX_BOT_ALIAS_ID',
      'LEX_LOCALE_ID',
      'AI_SERVICE_BUDGET_MS',
    ] as const;
    const aiEnv: Record<string, string> = {};
    for (const k of optionalEnv) {
      const v = process.env[k];
      if (v) aiEnv[k] = v;
    }
    const region = aws.getRegionOutput().name;
    const account = aws.getCallerIdentityOutput().accountId;
    const aiPermissions = [
      { actions: ['personalize:GetRecommendations', 'personalize:GetPersonalizedRanking'], resources: ['*'] },
      { actions: ['personalize:PutEvents'], resources: ['*'] },
      {
        actions: ['geo:SearchPlaceIndexForText', 'geo:SearchPlaceIndexForSuggestions', 'geo:CalculateRoute'],
        resources: [$interpolate`arn:aws:geo:${region}:${account}:place-index/*`, $interpolate`arn:aws:geo:${region}:${account}:route-calculator/*`],
      },
      { actions: ['lex:RecognizeText'], resources: [$interpolate`arn:aws:lex:${region}:${account}:bot-alias/*`] },
    ];

    // ---- The queue to the warehouse (docs/orders.md): SQS FIFO, a FIFO dead-letter queue after 3 receives, and mail
    // through SES v2 (an identity for MAIL_FROM; linking grants ses:SendEmail).
    const fulfilmentDlq = new sst.aws.Queue('FulfilmentDlq', { fifo: true });
    const fulfilmentQueue = new sst.aws.Queue('Fulfilment', {
      fifo: true,
      // Longer than the warehouse function's timeout, so a message is not handed to a second worker mid-way.
      visibilityTimeout: '180 seconds',
      dlq: { queue: fulfilmentDlq.arn, retry: 3 },
    });
    const mailFrom = process.env.MAIL_FROM ?? 'orders@example.com';
    const mail = new sst.aws.Email('OrderMail', { sender: mailFrom });

    // Environment every server-side process reads (server/config.ts is the list).
    const baseEnv = {
      FULFILMENT_QUEUE_URL: fulfilmentQueue.url,
      FULFILMENT_DLQ_URL: fulfilmentDlq.url,
      MAIL_FROM: mailFrom,
      TABLE_PREFIX: tablePrefix,
      COGNITO_USER_POOL_ID: userPool.id,
      COGNITO_CLIENT_ID: webClient.id,
      REDIS_URL: redisUrl,
      SESSION_SECRET: sessionSecret.value,
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: stripeSecretKey.value,
      STRIPE_WEBHOOK_SECRET: stripeWebhookSecret.value,
      STREAM_CONSUMERS: 'off',
      ...aiEnv,
    };

    // ---- Stream consumers: the same handlers the local stack runs in-process (instrumentation.ts).
    // They bundle with the `react-server` condition so `import 'server-only'` resolves to its empty module.
    const consumer = (handler: string, description: string) => ({
      handler,
      description,
      runtime: 'nodejs22.x' as const,
      architecture: 'arm64' as const,
      memory: '512 MB' as const,
      timeout: '60 seconds' as const,
      vpc,
      link: [...allTables, redis, fulfilmentQueue, fulfilmentDlq, mail],
      environment: baseEnv,
      nodejs: { esbuild: { conditions: ['react-server', 'node', 'import'] } },
    });
    // Orders → top sellers (leaderboard counts with idempotent markers; docs/top-sellers.md). Only inserts matter.
    tables.orders.subscribe('TopSellers', consumer('server/events/orders-stream/lambda.handler', 'orders stream: top sellers'), {
      filters: [{ eventName: ['INSERT'] }],
    });
    // Orders → the warehouse queue and order emails on every status change (inserts arrive through TopSellers).
    tables.orders.subscribe('OrderLifecycle', consumer('server/fulfilment/lambda.streamHandler', 'orders stream: warehouse queue and order emails'), {
      filters: [{ eventName: ['MODIFY'] }],
    });
    // The simulated warehouse: one message at a time per invocation; a failure is retried, then dead-lettered.
    fulfilmentQueue.subscribe(
      { ...consumer('server/fulfilment/lambda.queueHandler', 'fulfilment queue: the warehouse'), timeout: '150 seconds' },
      { batch: { size: 1, partialResponses: true } },
    );
    // Products → cache-tag expiry in Redis and the search index (docs/search.md; the S3 snapshot is future work).
    tables.products.subscribe('CatalogChanges', consumer('infra/functions/products-stream.handler', 'products stream: cache tags and search index'));

    // ---- The site: CloudFront (Router) → OpenNext server function (Lambda, Node 22, arm64) in the VPC.
    // A Router is created first so its URL can be the app's SITE_URL (Origin checks, cookie scope).
    const domain = process.env.SITE_DOMAIN;
    const router = new sst.aws.Router('Web', {
      domain: domain ? { name: domain } : undefined,
      edge: { viewerRequest: { injection: stripInternalHeaders(INTERNAL_HEADER_PREFIXES) } },
    });

    const site = new sst.aws.Nextjs('Storefront', {
      router: { instance: router },
      buildCommand: 'npx open-next build',
      vpc,
      link: [...allTables, redis, userPool, webClient, fulfilmentQueue, fulfilmentDlq, mail],
      environment: {
        ...baseEnv,
        SITE_URL: router.url,
        // CloudFront → Lambda function URL: two proxies append to X-Forwarded-For (server/config.ts).
        TRUSTED_PROXY_HOPS: '2',
      },
      permissions: aiPermissions,
      server: {
        runtime: 'nodejs22.x',
        architecture: 'arm64',
        memory: persistent ? '2048 MB' : '1024 MB',
        timeout: '20 seconds',
      },
      imageOptimization: { memory: '1536 MB', staticEtag: true },
      warm: persistent ? 5 : 0,
      dev: { command: 'npx next dev', url: 'http://localhost:3000' },
    });

    return {
      url: router.url,
      siteUrl: site.url,
      userPoolId: userPool.id,
      userPoolClientId: webClient.id,
      tablePrefix,
      redisHost: redis.host,
    };
  },
});
