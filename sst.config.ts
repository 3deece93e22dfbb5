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

    // ---- Customer events (server/event-bus; ADR 0009): one SNS topic, one SQS queue per consumer subscribed with a
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

    // ---- Analytics lake (docs/analytics.md): the server sends events to Kinesis Data Firehose, which converts them to
    // Parquet with the Glue table's schema and writes S3 objects under events/dt=YYYY-MM-DD/. The Glue table uses
    // partition projection on `dt` (no crawler, no MSCK REPAIR); the dashboard queries it through an Athena workgroup
    // with a per-query scan cap. Columns come from server/analytics/lake-columns.ts, as the DuckDB writer's do.
    const { LAKE_COLUMNS } = await import('./server/analytics/lake-columns');
    const lakeBucket = new sst.aws.Bucket('AnalyticsLake');
    const athenaResults = new sst.aws.Bucket('AnalyticsQueryResults', {
      transform: { bucket: (args) => void (args.forceDestroy = !persistent) },
    });
    const glueDatabase = new aws.glue.CatalogDatabase('AnalyticsDatabase', { name: `${$app.name}_${$app.stage}_analytics`.replace(/[^a-z0-9_]/g, '_') });
    const glueTable = new aws.glue.CatalogTable('AnalyticsEvents', {
      databaseName: glueDatabase.name,
      name: 'events',
      tableType: 'EXTERNAL_TABLE',
      partitionKeys: [{ name: 'dt', type: 'string' }],
      parameters: {
        classification: 'parquet',
        'projection.enabled': 'true',
        'projection.dt.type': 'date',
        'projection.dt.format': 'yyyy-MM-dd',
        'projection.dt.range': '2026-01-01,NOW',
        'projection.dt.interval': '1',
        'projection.dt.interval.unit': 'DAYS',
        'storage.location.template': $interpolate`s3://${lakeBucket.name}/events/dt=\${dt}/`,
      },
      storageDescriptor: {
        location: $interpolate`s3://${lakeBucket.name}/events/`,
        inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
        outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
        serDeInfo: { serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
        columns: LAKE_COLUMNS.map((c) => ({ name: c.name, type: c.glue })),
      },
    });
    const firehoseRole = new aws.iam.Role('AnalyticsFirehoseRole', {
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'firehose.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    new aws.iam.RolePolicy('AnalyticsFirehosePolicy', {
      role: firehoseRole.id,
      policy: $jsonStringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
            Resource: [lakeBucket.arn, $interpolate`${lakeBucket.arn}/*`],
          },
          { Effect: 'Allow', Action: ['glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions'], Resource: ['*'] },
        ],
      }),
    });
    const firehose = new aws.kinesis.FirehoseDeliveryStream('AnalyticsEventsStream', {
      destination: 'extended_s3',
      extendedS3Configuration: {
        roleArn: firehoseRole.arn,
        bucketArn: lakeBucket.arn,
        // Partitioned by arrival day (UTC), which is the event's day but for events flushed across midnight.
        prefix: 'events/dt=!{timestamp:yyyy-MM-dd}/',
        errorOutputPrefix: 'errors/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/',
        // Record format conversion needs a buffer of at least 64 MB; 300 s bounds how stale the lake can be.
        bufferingSize: 64,
        bufferingInterval: 300,
        dataFormatConversionConfiguration: {
          enabled: true,
          inputFormatConfiguration: { deserializer: { openXJsonSerDe: {} } },
          outputFormatConfiguration: { serializer: { parquetSerDe: { compression: 'SNAPPY' } } },
          schemaConfiguration: { databaseName: glueDatabase.name, tableName: glueTable.name, roleArn: firehoseRole.arn },
        },
      },
    });
    const athenaWorkgroup = new aws.athena.Workgroup('AnalyticsWorkgroup', {
      name: `${$app.name}-${$app.stage}-analytics`,
      forceDestroy: !persistent,
      configuration: {
        enforceWorkgroupConfiguration: true,
        // A runaway query (a year of events without pruning) stops at 10 GB scanned (~$0.05).
        bytesScannedCutoffPerQuery: 10 * 1024 * 1024 * 1024,
        resultConfiguration: { outputLocation: $interpolate`s3://${athenaResults.name}/results/` },
      },
    });
    const analyticsEnv = {
      ANALYTICS_FIREHOSE_STREAM: firehose.name,
      ANALYTICS_ATHENA_WORKGROUP: athenaWorkgroup.name,
      ANALYTICS_GLUE_DATABASE: glueDatabase.name,
      ANALYTICS_GLUE_TABLE: glueTable.name,
    };
    const analyticsPermissions = [
      { actions: ['firehose:PutRecordBatch'], resources: [firehose.arn] },
      {
        actions: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults'],
        resources: [$interpolate`arn:aws:athena:${region}:${account}:workgroup/${athenaWorkgroup.name}`],
      },
      {
        actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'],
        resources: [
          $interpolate`arn:aws:glue:${region}:${account}:catalog`,
          $interpolate`arn:aws:glue:${region}:${account}:database/${glueDatabase.name}`,
          $interpolate`arn:aws:glue:${region}:${account}:table/${glueDatabase.name}/*`,
        ],
      },
      { actions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation'], resources: [lakeBucket.arn, $interpolate`${lakeBucket.arn}/*`] },
      {
        actions: ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:AbortMultipartUpload'],
        resources: [athenaResults.arn, $interpolate`${athenaResults.arn}/*`],
      },
    ];

    // ---- Search index snapshots (docs/search.md "Snapshots in S3", ADR 0014): the products stream function writes a
    // gzipped snapshot of its index (debounced) and then `search/<tables>/latest.json`; server instances load it at
    // cold start instead of scanning the products table. Private; the writer prunes old snapshots itself.
    const searchSnapshots = new sst.aws.Bucket('SearchSnapshots');
    const searchSnapshotEnv = { SEARCH_SNAPSHOT_BUCKET: searchSnapshots.name };

    // Environment every server-side process reads (server/config.ts is the list).
    const baseEnv = {
      CUSTOMER_EVENTS_TOPIC_ARN: customerEvents.arn,
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
      ...analyticsEnv,
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
    // Products → cache-tag expiry in Redis, the search index and its S3 snapshot (docs/search.md). The function
    // returns once the debounced snapshot holding its batch is written (at most SEARCH_SNAPSHOT_INTERVAL_MS, 30 s,
    // after the previous one), so it gets a longer timeout, and memory for the index plus its JSON while encoding.
    const catalogChanges = consumer('infra/functions/products-stream.handler', 'products stream: cache tags, search index and its snapshot');
    tables.products.subscribe(
      'CatalogChanges',
      {
        ...catalogChanges,
        timeout: '120 seconds',
        memory: '1024 MB',
        link: [...catalogChanges.link, searchSnapshots],
        environment: { ...baseEnv, ...searchSnapshotEnv },
      },
      // A batching window (Lambda waits up to 30 s for more records) lets most invocations write their snapshot at once.
      { transform: { eventSourceMapping: { maximumBatchingWindowInSeconds: 30 } } },
    );

    // ---- The customer-event outbox relay (server/event-bus; ADR 0009): every minute it publishes the events a crash
    // or an SNS outage left pending in the outbox table (the server also runs it once at start, instrumentation.ts).
    new sst.aws.Cron('CustomerEventsOutboxRelay', {
      schedule: 'rate(1 minute)',
      function: {
        ...consumer('server/event-bus/lambda.handler', 'outbox relay: customer events to SNS'),
        link: [tables.outbox, customerEvents],
      },
    });

    // ---- The site: CloudFront (Router) → OpenNext server function (Lambda, Node 22, arm64) in the VPC.
    // A Router is created first so its URL can be the app's SITE_URL (Origin checks, cookie scope).
    const domain = process.env.SITE_DOMAIN;
    const router = new sst.aws.Router('Web', {
      domain: domain ? { name: domain } : undefined,
      edge: { viewerRequest: { injection: stripInternalHeaders(INTERNAL_HEADER_PREFIXES) } },
    });

    // CloudFront's cache policy for the server function (ADR 0003): the TTL is the origin's own Cache-Control
    // (min 0, default 0: a page that says nothing, or private/no-store, is never stored), no cookie in the key (the
    // catalog pages read none; every other page says no-store), Next's Flight headers folded into the key by SST's
    // viewer-request function as x-open-next-cache-key (rsc, router state tree, prefetch; `_rsc` is a query string),
    // all query strings (sort, cursor, _rsc), and gzip/brotli. No invalidation on tag changes: catalog pages are
    // kept s-maxage=5 + stale-while-revalidate=5 (server/cache/tags.ts), so a price change shows within 10 s
    // without paying for invalidations on every import; a deploy still invalidates everything (SST's default).
    const serverCachePolicy = new aws.cloudfront.CachePolicy('StorefrontServerCache', {
      comment: 'Storefront server responses: TTL from the origin Cache-Control, Flight key, no cookies',
      minTtl: 0,
      defaultTtl: 0,
      maxTtl: 86400,
      parametersInCacheKeyAndForwardedToOrigin: {
        cookiesConfig: { cookieBehavior: 'none' },
        headersConfig: { headerBehavior: 'whitelist', headers: { items: ['x-open-next-cache-key', 'x-forwarded-host'] } },
        queryStringsConfig: { queryStringBehavior: 'all' },
        enableAcceptEncodingBrotli: true,
        enableAcceptEncodingGzip: true,
      },
    });

    const site = new sst.aws.Nextjs('Storefront', {
      router: { instance: router },
      cachePolicy: serverCachePolicy.id,
      buildCommand: 'npx open-next build',
      vpc,
      // The topic link grants sns:Publish to the customer-events publisher; the bucket link reads search snapshots.
      link: [...allTables, redis, userPool, webClient, fulfilmentQueue, fulfilmentDlq, mail, customerEvents, searchSnapshots],
      environment: {
        ...baseEnv,
        ...searchSnapshotEnv,
        SITE_URL: router.url,
        // CloudFront → Lambda function URL: two proxies append to X-Forwarded-For (server/config.ts).
        TRUSTED_PROXY_HOPS: '2',
      },
      permissions: [...aiPermissions, ...analyticsPermissions],
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
      analyticsLakeBucket: lakeBucket.name,
      analyticsWorkgroup: athenaWorkgroup.name,
      customerEventsTopic: customerEvents.arn,
      searchSnapshotBucket: searchSnapshots.name,
      customerEventQueues: { campaigns: campaignAudienceQueue.url, analytics: analyticsCustomerQueue.url },
    };
  },
});
