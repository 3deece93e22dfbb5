/// <reference path="../../.sst/platform/config.d.ts" />

// ---- Analytics lake (docs/analytics.md): the server sends events to Kinesis Data Firehose, which converts them to
// Parquet with the Glue table's schema and writes S3 objects under events/dt=YYYY-MM-DD/. The Glue table uses
// partition projection on `dt` (no crawler, no MSCK REPAIR); the dashboard queries it through an Athena workgroup
// with a per-query scan cap. Columns come from server/analytics/lake-columns.ts, as the DuckDB writer's do.
// Imported by sst.config.ts inside run() (SST allows no top-level imports there); SST's globals are in scope.

export function analyticsLake(input: {
  persistent: boolean;
  region: $util.Input<string>;
  account: $util.Input<string>;
  columns: readonly { name: string; glue: string }[];
}) {
  const lakeBucket = new sst.aws.Bucket('AnalyticsLake');
  const athenaResults = new sst.aws.Bucket('AnalyticsQueryResults', {
    transform: { bucket: (args) => void (args.forceDestroy = !input.persistent) },
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
      columns: input.columns.map((c) => ({ name: c.name, type: c.glue })),
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
    forceDestroy: !input.persistent,
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
      resources: [$interpolate`arn:aws:athena:${input.region}:${input.account}:workgroup/${athenaWorkgroup.name}`],
    },
    {
      actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'],
      resources: [
        $interpolate`arn:aws:glue:${input.region}:${input.account}:catalog`,
        $interpolate`arn:aws:glue:${input.region}:${input.account}:database/${glueDatabase.name}`,
        $interpolate`arn:aws:glue:${input.region}:${input.account}:table/${glueDatabase.name}/*`,
      ],
    },
    { actions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation'], resources: [lakeBucket.arn, $interpolate`${lakeBucket.arn}/*`] },
    {
      actions: ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:AbortMultipartUpload'],
      resources: [athenaResults.arn, $interpolate`${athenaResults.arn}/*`],
    },
  ];
  return { lakeBucket, analyticsEnv, analyticsPermissions };
}
