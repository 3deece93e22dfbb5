/// <reference path="./.sst/platform/config.d.ts" />

// The AWS deployment (docs/deploy.md). `npx sst deploy --stage prod` ships everything below; `npx sst dev` runs
// `next dev` on your machine against a stage's real resources. `npm run dev` (the local stack) stays the default.
// Type-checked offline in CI: scripts/typecheck-sst.sh (tsconfig.sst.json against SST's generated platform types).

/** Stages whose data outlives `sst remove` and whose resources are protected from accidental removal. */
const PERSISTENT_STAGES = ['prod', 'production'];

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
    // Table names are `${TABLE_PREFIX}${key}`, as server/platform/db/tables.ts computes them; one prefix per stage.
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
      // Cluster mode off: server/platform/cache/redis-connection.mjs uses a plain ioredis client.
      cluster: false,
      instance: persistent ? 'cache.t4g.small' : 'cache.t4g.micro',
    });
    // ElastiCache from SST has in-transit encryption and an auth token: rediss:// with the `default` user.
    const redisUrl = $resolve([redis.username, redis.password, redis.host, redis.port]).apply(
      ([user, password, host, port]) => `rediss://${encodeURIComponent(user ?? 'default')}:${encodeURIComponent(password ?? '')}@${host}:${port ?? 6379}`,
    );

    // ---- DynamoDB: derived from server/platform/db/tables.ts, the same definitions the local stack provisions.
    const { tableDefinitions, TABLE_KEYS, TABLE_TTL_ATTRIBUTES } = await import('./server/platform/db/tables');
    // SST allows no top-level imports in this file: shared modules come in here.
    const { INTERNAL_HEADER_PREFIXES } = await import('./server/platform/http/internal-headers');
    const { prefersMarkdown } = await import('./server/platform/http/content-negotiation');
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

    // ---- Mail through SES v2: an identity for MAIL_FROM (linking grants ses:SendEmail). Order and account emails
    // go out through it, and so do Cognito's own (codes, password resets), below.
    const mailFrom = process.env.MAIL_FROM ?? 'orders@example.com';
    const mail = new sst.aws.Email('OrderMail', { sender: mailFrom });

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
          // Cognito's own emails (sign-up codes, password resets) through our SES identity rather than Cognito's
          // shared sender (50 a day, no-reply@verificationemail.com): the same From as every other mail of the shop.
          args.emailConfiguration = { emailSendingAccount: 'DEVELOPER', sourceArn: mail.nodes.identity.arn, fromEmailAddress: mailFrom };
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
          // The public client may write only `email` (needed by SignUp): not `name`, which the server writes with
          // AdminUpdateUserAttributes after the shop's name rules, so a shopper cannot set a name around them with
          // UpdateUserAttributes and their own token (issue 30 L6, ADR 0023). Same as local/provision.ts.
          args.writeAttributes = ['email'];
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
      // The tool-calling assistant (docs/agents.md).
      'BEDROCK_MODEL_ID',
      'BEDROCK_GUARDRAIL_ID',
      'BEDROCK_GUARDRAIL_VERSION',
      'BEDROCK_BUDGET_MS',
      // The search engine (docs/search.md "OpenSearch", ADR 0028): SEARCH_ENGINE=opensearch with the collection's
      // endpoint; the collection itself and its data access policy (naming the site's and CatalogChanges' roles) are
      // made outside this file. Unset: the in-process index, as before.
      'SEARCH_ENGINE',
      'OPENSEARCH_ENDPOINT',
      'OPENSEARCH_INDEX',
      'OPENSEARCH_SERVICE',
    ] as const;
    const aiEnv: Record<string, string> = {};
    for (const k of optionalEnv) {
      const v = process.env[k];
      if (v) aiEnv[k] = v;
    }
    const region = aws.getRegionOutput().name;
    const account = aws.getCallerIdentityOutput().accountId;
    // OpenSearch's data plane, for the site (searches) and CatalogChanges (writes): IAM lets the role call it; what it
    // may read or write in a Serverless collection is still the collection's data access policy.
    const searchPermissions = [
      { actions: ['aoss:APIAccessAll'], resources: [$interpolate`arn:aws:aoss:${region}:${account}:collection/*`] },
      {
        actions: ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete'],
        resources: [$interpolate`arn:aws:es:${region}:${account}:domain/*`],
      },
    ];
    const aiPermissions = [
      { actions: ['personalize:GetRecommendations', 'personalize:GetPersonalizedRanking'], resources: ['*'] },
      { actions: ['personalize:PutEvents'], resources: ['*'] },
      {
        actions: ['geo:SearchPlaceIndexForText', 'geo:SearchPlaceIndexForSuggestions', 'geo:CalculateRoute'],
        resources: [$interpolate`arn:aws:geo:${region}:${account}:place-index/*`, $interpolate`arn:aws:geo:${region}:${account}:route-calculator/*`],
      },
      { actions: ['lex:RecognizeText'], resources: [$interpolate`arn:aws:lex:${region}:${account}:bot-alias/*`] },
      // Converse on a foundation model or an inference profile, and the guardrail when one is configured.
      {
        actions: ['bedrock:InvokeModel', 'bedrock:ApplyGuardrail'],
        resources: [
          $interpolate`arn:aws:bedrock:*::foundation-model/*`,
          $interpolate`arn:aws:bedrock:${region}:${account}:inference-profile/*`,
          $interpolate`arn:aws:bedrock:${region}:${account}:guardrail/*`,
        ],
      },
    ];

    // ---- The queue to the warehouse (docs/orders.md): SQS FIFO, a FIFO dead-letter queue after 6 receives (an order's
    // message waits on the queue before each warehouse step, up to 4 receives, ADR 0027; local/sqs-local.ts), and mail
    // through SES v2 (an identity for MAIL_FROM; linking grants ses:SendEmail).
    const fulfilmentDlq = new sst.aws.Queue('FulfilmentDlq', { fifo: true });
    const fulfilmentQueue = new sst.aws.Queue('Fulfilment', {
      fifo: true,
      // Longer than the warehouse function's timeout, so a message is not handed to a second worker mid-way.
      visibilityTimeout: '180 seconds',
      dlq: { queue: fulfilmentDlq.arn, retry: 6 },
    });

    // ---- The mail queue (docs/orders.md "Mail"): order, account and alert mail is rendered by whoever mails and queued;
    // the MailSender function claims and sends each once, and when SES throttles or fails it releases the claim and
    // hides the message with a doubling back-off (2 s … 5 min); after 10 receives it is in MailDlq. Its concurrency is
    // capped so a backlog drains at about SES's sending rate instead of being throttled harder. Campaign mail does not
    // use this queue: a campaign run sends on its own, slower lane (CAMPAIGN_MAIL_PER_SECOND), so order mail goes first.
    const mailDlq = new sst.aws.Queue('MailDlq', { transform: { queue: (args) => void (args.messageRetentionSeconds = 14 * 24 * 3600) } });
    const mailQueue = new sst.aws.Queue('Mail', { visibilityTimeout: '60 seconds', dlq: { queue: mailDlq.arn, retry: 10 } });

    // ---- The campaign queue (ADR 0036): "Send" queues { campaignId }; the CampaignSender function runs the send at
    // CAMPAIGN_MAIL_PER_SECOND until 30 s before its 15-minute timeout, then queues its own continuation. The
    // visibility outlasts a run, so a message is not handed to a second sender mid-run; a run that keeps failing
    // ends in CampaignDlq after 5 receives.
    const campaignDlq = new sst.aws.Queue('CampaignDlq', { transform: { queue: (args) => void (args.messageRetentionSeconds = 14 * 24 * 3600) } });
    const campaignQueue = new sst.aws.Queue('Campaigns', { visibilityTimeout: '16 minutes', dlq: { queue: campaignDlq.arn, retry: 5 } });

    // ---- Customer events (server/customer-events; ADR 0009): one SNS topic, one SQS queue per consumer subscribed with a
    // filter on the `type` attribute and raw delivery (the consumer reads the event JSON as published), each with its
    // own dead-letter queue. Locally the same topic runs on fauxqs with one log queue (local/sns-local.ts).
    const customerEvents = new sst.aws.SnsTopic('CustomerEvents');
    const customerEventConsumer = (name: string, types: string[]) => {
      const dlq = new sst.aws.Queue(`${name}Dlq`);
      const queue = new sst.aws.Queue(name, { dlq: { queue: dlq.arn, retry: 5 } });
      customerEvents.subscribeQueue(name, queue.arn, {
        filter: { type: types },
        transform: { subscription: (args) => void (args.rawMessageDelivery = true) },
      });
      return queue;
    };
    // Email campaigns (the audience follows consent) and the analytics lake (every customer event).
    const campaignAudienceQueue = customerEventConsumer('CampaignAudienceEvents', ['customer.consent-changed', 'customer.signed-up']);
    const analyticsCustomerQueue = customerEventConsumer('AnalyticsCustomerEvents', ['customer.signed-up', 'customer.consent-changed']);

    // ---- Analytics lake (docs/analytics.md): Firehose → Parquet in S3 → Glue → Athena (infra/sst/analytics-lake.ts).
    const { LAKE_COLUMNS } = await import('./server/analytics/lake-columns');
    const { analyticsLake } = await import('./infra/sst/analytics-lake');
    const { lakeBucket, analyticsEnv, analyticsPermissions } = analyticsLake({ persistent, region, account, columns: LAKE_COLUMNS });

    // ---- Search index snapshots (docs/search.md "Snapshots in S3", ADR 0014): the products stream function writes a
    // gzipped snapshot of its index (debounced) and then `search/<tables>/latest.json`; server instances load it at
    // cold start instead of scanning the products table. Private; the writer prunes old snapshots itself.
    const searchSnapshots = new sst.aws.Bucket('SearchSnapshots');
    const searchSnapshotEnv = { SEARCH_SNAPSHOT_BUCKET: searchSnapshots.name };

    // Environment every server-side process reads (server/platform/config/index.ts is the list).
    const baseEnv = {
      CUSTOMER_EVENTS_TOPIC_ARN: customerEvents.arn,
      FULFILMENT_QUEUE_URL: fulfilmentQueue.url,
      FULFILMENT_DLQ_URL: fulfilmentDlq.url,
      MAIL_QUEUE_URL: mailQueue.url,
      MAIL_DLQ_URL: mailDlq.url,
      CAMPAIGN_QUEUE_URL: campaignQueue.url,
      CAMPAIGN_DLQ_URL: campaignDlq.url,
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
      ...analyticsEnv,
    };

    // ---- Stream consumers: the same handlers the local stack runs in-process (instrumentation.ts), fed here by event
    // source mappings whose settings live in infra/event-mappings.ts (the Lambda package test runs the same handlers on
    // an emulation of these mappings, local/lambda/event-source-mapping.ts). Each mapping bisects a failing batch,
    // retries it a bounded number of times and then reports it to the StreamFailures queue (listed in the operations
    // console beside the warehouse dead letters, ADR 0024), so one poison record no longer stops order mail and fulfilment for a day.
    // Reserved concurrency caps each consumer so a backlog cannot take the executions the site needs (docs/scaling.md).
    const { STREAM_MAPPINGS } = await import('./infra/event-mappings');
    type StreamMapping = (typeof STREAM_MAPPINGS)[keyof typeof STREAM_MAPPINGS];
    // Lambda sends a pointer to the failed records (shard and sequence numbers), not the records: an operator reads
    // them from the stream (24 h retention) or from the table by key.
    const streamFailures = new sst.aws.Queue('StreamFailuresDlq', { transform: { queue: (args) => void (args.messageRetentionSeconds = 14 * 24 * 3600) } });
    const mappingSettings = (m: StreamMapping) => ({
      filters: [{ eventName: [...m.eventNames] }],
      transform: {
        eventSourceMapping: {
          batchSize: m.batchSize,
          maximumBatchingWindowInSeconds: m.maximumBatchingWindowInSeconds,
          parallelizationFactor: m.parallelizationFactor,
          bisectBatchOnFunctionError: m.bisectBatchOnFunctionError,
          maximumRetryAttempts: m.maximumRetryAttempts,
          maximumRecordAgeInSeconds: m.maximumRecordAgeInSeconds,
          destinationConfig: { onFailure: { destinationArn: streamFailures.arn } },
        },
      },
    });
    // They bundle with the `react-server` condition so `import 'server-only'` resolves to its empty module.
    const consumer = (handler: string, description: string, reserved?: number) => ({
      handler,
      description,
      runtime: 'nodejs22.x' as const,
      architecture: 'arm64' as const,
      memory: '512 MB' as const,
      timeout: '60 seconds' as const,
      vpc,
      link: [...allTables, redis, fulfilmentQueue, fulfilmentDlq, mailQueue, mailDlq, campaignQueue, streamFailures, mail],
      environment: { ...baseEnv, STREAM_FAILURES_DLQ_URL: streamFailures.url },
      ...(reserved ? { concurrency: { reserved } } : {}),
      nodejs: { esbuild: { conditions: ['react-server', 'node', 'import'] } },
    });
    // Orders → top sellers (leaderboard counts with idempotent markers; docs/top-sellers.md). Only inserts matter.
    tables.orders.subscribe(
      'TopSellers',
      consumer('server/streams/orders-stream/lambda.handler', 'orders stream: top sellers', STREAM_MAPPINGS.topSellers.reservedConcurrency),
      mappingSettings(STREAM_MAPPINGS.topSellers),
    );
    // Orders → "bought together" (pair counters and top lists with idempotent markers; docs/recommendations.md, ADR 0026).
    // DynamoDB only, but in the VPC like the others (the NAT is its way to DynamoDB). A third reader of the orders
    // stream: see ADR 0026 for why, and what to do if GetRecords throttling shows in its iterator age.
    tables.orders.subscribe(
      'CoPurchases',
      consumer('server/streams/orders-stream/co-purchases-lambda.handler', 'orders stream: bought together', STREAM_MAPPINGS.coPurchases.reservedConcurrency),
      mappingSettings(STREAM_MAPPINGS.coPurchases),
    );
    // Orders → the warehouse queue and order emails on every status change (inserts arrive through TopSellers).
    tables.orders.subscribe(
      'OrderLifecycle',
      consumer('server/fulfilment/lambda.streamHandler', 'orders stream: warehouse queue and order emails', STREAM_MAPPINGS.orderLifecycle.reservedConcurrency),
      mappingSettings(STREAM_MAPPINGS.orderLifecycle),
    );
    // The simulated warehouse: one message at a time per invocation; a failure is retried, then dead-lettered.
    fulfilmentQueue.subscribe(
      // It never sleeps (ADR 0027): a step not due yet hides its message on the queue, so a short timeout is plenty.
      { ...consumer('server/fulfilment/lambda.queueHandler', 'fulfilment queue: the warehouse'), timeout: '30 seconds' },
      { batch: { size: 1, partialResponses: true } },
    );
    // The mail sender: ten messages per invocation, at most 2 concurrent batches (mail's own back-off absorbs throttling).
    mailQueue.subscribe(
      { ...consumer('server/notifications/lambda.handler', 'mail queue: order, account and alert mail'), timeout: '30 seconds' },
      { batch: { size: 10, partialResponses: true }, transform: { eventSourceMapping: { scalingConfig: { maximumConcurrency: 2 } } } },
    );
    // The campaign sender: one campaign per invocation, one invocation at a time (the pace is per run), 15 minutes.
    campaignQueue.subscribe(
      { ...consumer('server/campaigns/lambda.handler', 'campaign queue: marketing email runs', 1), timeout: '15 minutes' },
      { batch: { size: 1, partialResponses: true } },
    );
    // Products → cache-tag expiry in Redis, the search index and its S3 snapshot (docs/search.md). The function returns
    // once the batch's tags are expired in Redis (it fails the batch if they could not be) and its index holds the
    // batch; the debounced snapshot is written on its own time, not awaited.
    const catalogChanges = consumer(
      'infra/functions/products-stream.handler',
      'products stream: cache tags, search index and its snapshot',
      STREAM_MAPPINGS.catalogChanges.reservedConcurrency,
    );
    tables.products.subscribe(
      'CatalogChanges',
      {
        ...catalogChanges,
        memory: '1024 MB',
        link: [...catalogChanges.link, searchSnapshots],
        environment: { ...catalogChanges.environment, ...searchSnapshotEnv },
        permissions: searchPermissions,
      },
      mappingSettings(STREAM_MAPPINGS.catalogChanges),
    );

    // ---- The customer-event outbox relay (server/customer-events; ADR 0009): every minute it publishes the events a crash
    // or an SNS outage left pending in the outbox table (the server also runs it once at start, instrumentation.ts).
    new sst.aws.Cron('CustomerEventsOutboxRelay', {
      schedule: 'rate(1 minute)',
      function: {
        ...consumer('server/customer-events/lambda.handler', 'outbox relay: customer events to SNS'),
        link: [tables.outbox, customerEvents],
      },
    });

    // ---- Fraud holds nobody decided (server/orders held-orders.ts, docs/fraud.md): every 5 minutes the sweep rejects,
    // with the void, each hold past its expiry (FRAUD_HOLD_TTL_SECONDS, well inside the card authorisation's life).
    new sst.aws.Cron('FraudHoldExpiry', {
      schedule: 'rate(5 minutes)',
      function: {
        ...consumer('server/orders/lambda.handler', 'fraud holds: release the expired ones'),
        link: [...allTables, redis, mail, mailQueue],
      },
    });

    // ---- The site: CloudFront (Router) → OpenNext server function (Lambda, Node 22, arm64) in the VPC.
    // A Router is created first so its URL can be the app's SITE_URL (Origin checks, cookie scope).
    const domain = process.env.SITE_DOMAIN;
    // The edge firewall in front of everything (issue 31): counts until WAF_MODE=block (docs/deploy.md).
    const { edgeFirewall, markdownCacheKey, queryCacheKey, stripInternalHeaders } = await import('./infra/sst/edge');
    const { CDN_CACHE_KEY_QUERY_STRINGS, cdnQueryKey } = await import('./server/platform/http/cdn-cache-key');
    const firewall = edgeFirewall({ stage: $app.stage, logBucketArn: lakeBucket.arn, mode: process.env.WAF_MODE === 'block' ? 'block' : 'count' });
    const router = new sst.aws.Router('Web', {
      domain: domain ? { name: domain } : undefined,
      edge: {
        viewerRequest: {
          injection:
            stripInternalHeaders(INTERNAL_HEADER_PREFIXES) +
            markdownCacheKey(prefersMarkdown.toString()) +
            queryCacheKey(cdnQueryKey.toString(), CDN_CACHE_KEY_QUERY_STRINGS),
        },
      },
      transform: {
        // CloudFront's cache policy for everything the Router sends to the server function (ADR 0003, 0028). It is the
        // Router's: with `router`, SST's Nextjs creates no distribution and never reads its own `cachePolicy` (SST
        // 4.17 ssr-site: only its non-router distribution does), so the policy once passed there keyed nothing.
        // - TTL from the origin's Cache-Control (min 0, default 0: a page that says nothing, or private/no-store, is
        //   never stored; catalog pages s-maxage=3 + stale-while-revalidate=3, server/platform/cache/tags.ts, so a price
        //   change shows within 10 s without paying for invalidations; a deploy still invalidates everything).
        // - No cookie in the key (the catalog pages read none; every other page says no-store).
        // - Query strings: only those a cached answer reads, folded by the edge into x-storefront-query
        //   (server/platform/http/cdn-cache-key.ts); utm_*, gclid, fbclid never split the cache. All of them still reach
        //   the origin (SST's origin request policy forwards every viewer query string, header and cookie).
        // - Headers: SST's x-open-next-cache-key (a hash of rsc, next-router-prefetch, next-router-state-tree, next-url;
        //   Next needs them apart, and on Lambda it runs in minimal mode, which does not check `_rsc` against them, so the
        //   hash must stay in the key), x-forwarded-host, and x-storefront-format (markdownCacheKey in infra/sst/edge.ts).
        // - gzip and brotli.
        cachePolicy: (args) => {
          args.comment = 'Storefront server responses: TTL from the origin, Flight key, allowed query strings only, no cookies';
          args.minTtl = 0;
          args.defaultTtl = 0;
          args.maxTtl = 86400;
          args.parametersInCacheKeyAndForwardedToOrigin = {
            cookiesConfig: { cookieBehavior: 'none' },
            headersConfig: {
              headerBehavior: 'whitelist',
              headers: { items: ['x-open-next-cache-key', 'x-forwarded-host', 'x-storefront-format', 'x-storefront-query'] },
            },
            queryStringsConfig: { queryStringBehavior: 'none' },
            enableAcceptEncodingBrotli: true,
            enableAcceptEncodingGzip: true,
          };
        },
        cdn: (args) => {
          args.transform = {
            ...args.transform,
            distribution: (distribution) => {
              distribution.webAclId = firewall.arn;
            },
          };
        },
      },
    });

    // ---- Marketers' product images (server/catalog/images/uploads.ts, docs/deploy.md "Product images"): the browser
    // posts each file straight to this bucket with a presigned POST from /api/admin/products/[id]/images (the server
    // function's link signs it), so the bucket answers CORS for the site's origin, POST only. Shoppers get the files
    // at /images/uploads/<key>: CloudFront serves that path from the bucket (Origin Access Control, the key without
    // the prefix), and the image optimiser reads the bucket for next/image (infra/open-next/image-loader.ts). Keys are
    // fresh UUIDs, so everything caches for a year. Same env name as the local stack (PRODUCT_IMAGES_BUCKET).
    const siteOrigins = domain ? [`https://${domain}`] : [router.url];
    const productImages = new sst.aws.Bucket('ProductImages', {
      access: 'cloudfront',
      cors: { allowOrigins: siteOrigins, allowMethods: ['POST'], allowHeaders: ['*'], exposeHeaders: ['ETag'], maxAge: '1 hour' },
    });
    router.routeBucket('/images/uploads', productImages, { rewrite: { regex: '^/images/uploads/(.*)$', to: '/$1' } });

    const site = new sst.aws.Nextjs('Storefront', {
      router: { instance: router },
      buildCommand: 'npx open-next build',
      vpc,
      // The topic link grants sns:Publish to the customer-events publisher; the bucket link reads search snapshots.
      link: [
        ...allTables,
        redis,
        userPool,
        webClient,
        fulfilmentQueue,
        fulfilmentDlq,
        mailQueue,
        mailDlq,
        campaignQueue,
        campaignDlq,
        streamFailures,
        mail,
        customerEvents,
        searchSnapshots,
        productImages,
      ],
      environment: {
        ...baseEnv,
        STREAM_FAILURES_DLQ_URL: streamFailures.url,
        ...searchSnapshotEnv,
        PRODUCT_IMAGES_BUCKET: productImages.name,
        SITE_URL: router.url,
        // CloudFront → Lambda function URL: two proxies append to X-Forwarded-For (server/platform/config/index.ts).
        TRUSTED_PROXY_HOPS: '2',
      },
      permissions: [...aiPermissions, ...analyticsPermissions, ...searchPermissions],
      server: {
        runtime: 'nodejs22.x',
        architecture: 'arm64',
        memory: persistent ? '2048 MB' : '1024 MB',
        timeout: '20 seconds',
      },
      imageOptimization: { memory: '1536 MB', staticEtag: true },
      // The optimiser reads uploads from the ProductImages bucket (infra/open-next/image-loader.ts): its name, and read access.
      transform: {
        imageOptimizer: (args) => {
          args.environment = $output(args.environment ?? {}).apply((env) => ({
            ...(env as Record<string, string>),
            PRODUCT_IMAGES_BUCKET: productImages.name,
          }));
          args.permissions = $resolve([args.permissions ?? []]).apply(([permissions]) => [
            ...permissions,
            { actions: ['s3:GetObject'], resources: [$interpolate`${productImages.arn}/*`] },
          ]);
        },
      },
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
      analyticsLakeBucket: lakeBucket.name,
      analyticsWorkgroup: analyticsEnv.ANALYTICS_ATHENA_WORKGROUP,
      customerEventsTopic: customerEvents.arn,
      searchSnapshotBucket: searchSnapshots.name,
      productImagesBucket: productImages.name,
      customerEventQueues: { campaigns: campaignAudienceQueue.url, analytics: analyticsCustomerQueue.url },
    };
  },
});
