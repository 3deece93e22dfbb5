/// <reference path="../../.sst/platform/config.d.ts" />

// The edge in front of the site (imported by sst.config.ts inside run(): SST allows no top-level imports there):
// the CloudFront viewer-request code and the WAF web ACL. SST's globals (aws, $util, $interpolate) are in scope
// here as in sst.config.ts; tsconfig.sst.json type-checks this folder with it, against SST's platform types.

/**
 * Headers only Next, OpenNext, the CDN or our middleware may set (the one list: server/platform/http/internal-headers.ts).
 * Stripped at the edge (CloudFront viewer-request function; its header names arrive lower-cased) and again in
 * middleware.ts, so a client forging them gains nothing even if one layer is bypassed.
 */
export const stripInternalHeaders = (prefixes: readonly string[]) => `
  for (const name of Object.keys(event.request.headers)) {
    if (${JSON.stringify(prefixes)}.some((p) => name.indexOf(p) === 0)) delete event.request.headers[name];
  }`;

/**
 * The catalog pages answer Markdown to `Accept: text/markdown` and HTML otherwise (middleware.ts, `Vary: Accept`).
 * CloudFront ignores Vary, and keying on the raw Accept header would split the cache per browser, so the edge folds
 * Accept into one of two values with the very function middleware uses (server/platform/http/content-negotiation.ts)
 * and the cache policy keys on that header. It runs after the strip above: a client cannot set it, and middleware
 * strips it again (an x-storefront- header), so the origin decides from Accept itself.
 */
export const markdownCacheKey = (prefersMarkdownSource: string) => `
  var accept = event.request.headers['accept'];
  event.request.headers['x-storefront-format'] = { value: (${prefersMarkdownSource})(accept ? accept.value : '') ? 'markdown' : 'html' };`;

/**
 * The cache key's query part (server/platform/http/cdn-cache-key.ts): only the query strings a cached answer reads,
 * in a canonical order, folded into one header the cache policy keys on, so utm_*, gclid, fbclid and the like never
 * split the cache. Runs after the strip above: a client cannot set it (an x-storefront- header, stripped again by
 * middleware). The query string itself still reaches the origin whole (SST's origin request policy).
 */
export const queryCacheKey = (cdnQueryKeySource: string, allowed: readonly string[]) => `
  event.request.headers['x-storefront-query'] = { value: (${cdnQueryKeySource})(event.request.querystring, ${JSON.stringify(allowed)}) };`;

/** A byte match on the request path: EXACTLY one path, or STARTS_WITH a prefix. */
const pathIs = (path: string, how: 'EXACTLY' | 'STARTS_WITH' = 'EXACTLY') => ({
  byteMatchStatement: {
    searchString: path,
    positionalConstraint: how,
    fieldToMatch: { uriPath: {} },
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });

/**
 * The edge firewall (issue 31, docs/deploy.md "Edge firewall"): a WAFv2 web ACL on the CloudFront distribution, so
 * scrapers, exploit probes, credential stuffing, fake sign-ups and card testers are stopped before they reach a
 * Lambda. CloudFront web ACLs and their log stream live in us-east-1 whatever the app's region. Logs go through a
 * Firehose stream (WAF requires the `aws-waf-logs-` name) to the analytics lake bucket under `waf/`.
 */
export function edgeFirewall(input: { stage: string; logBucketArn: $util.Input<string>; mode: 'count' | 'block' }) {
  const usEast1 = new aws.Provider('WafUsEast1', { region: 'us-east-1' });
  const opts = { provider: usEast1 };
  const managedAction = input.mode === 'block' ? { none: {} } : { count: {} };
  // Blocks, or only counts, what a rule matches: WAF_MODE=block once the count-mode logs look right (docs/deploy.md).
  const ruleAction = input.mode === 'block' ? { block: {} } : { count: {} };
  const managed = (
    name: string,
    priority: number,
    group: string,
    extra: {
      managedRuleGroupConfigs?: aws.types.input.wafv2.WebAclRuleStatementManagedRuleGroupStatementManagedRuleGroupConfig[];
      scopeDownStatement?: aws.types.input.wafv2.WebAclRuleStatementManagedRuleGroupStatementScopeDownStatement;
    } = {},
  ) => ({
    name,
    priority,
    overrideAction: managedAction,
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: group, ...extra } },
    visibilityConfig: visibility(name),
  });
  const perIp = (
    name: string,
    priority: number,
    limit: number,
    scope: ReturnType<typeof pathIs> | { orStatement: { statements: ReturnType<typeof pathIs>[] } },
  ) => ({
    name,
    priority,
    action: ruleAction,
    statement: { rateBasedStatement: { limit, evaluationWindowSec: 300, aggregateKeyType: 'IP', scopeDownStatement: scope } },
    visibilityConfig: visibility(name),
  });

  const acl = new aws.wafv2.WebAcl(
    'EdgeFirewall',
    {
      scope: 'CLOUDFRONT',
      description: `Storefront ${input.stage}: managed rules, bot control on cart and checkout, ATP on sign-in, ACFP on sign-up, rate limits`,
      defaultAction: { allow: {} },
      visibilityConfig: visibility('storefront-edge'),
      rules: [
        managed('ip-reputation', 0, 'AWSManagedRulesAmazonIpReputationList'),
        managed('core-rule-set', 1, 'AWSManagedRulesCommonRuleSet'),
        managed('known-bad-inputs', 2, 'AWSManagedRulesKnownBadInputsRuleSet'),
        perIp('rate-auth', 3, 100, pathIs('/api/auth/', 'STARTS_WITH')),
        perIp('rate-checkout', 4, 60, { orStatement: { statements: [pathIs('/api/checkout', 'STARTS_WITH'), pathIs('/checkout', 'STARTS_WITH')] } }),
        managed('bot-control-cart-checkout', 5, 'AWSManagedRulesBotControlRuleSet', {
          managedRuleGroupConfigs: [{ awsManagedRulesBotControlRuleSet: { inspectionLevel: 'TARGETED' } }],
          scopeDownStatement: {
            orStatement: {
              statements: [
                pathIs('/cart', 'STARTS_WITH'),
                pathIs('/checkout', 'STARTS_WITH'),
                pathIs('/api/cart', 'STARTS_WITH'),
                pathIs('/api/checkout', 'STARTS_WITH'),
              ],
            },
          },
        }),
        managed('atp-sign-in', 6, 'AWSManagedRulesATPRuleSet', {
          managedRuleGroupConfigs: [
            {
              awsManagedRulesAtpRuleSet: {
                loginPath: '/api/auth/sign-in',
                requestInspection: { payloadType: 'JSON', usernameField: { identifier: '/email' }, passwordField: { identifier: '/password' } },
                // CloudFront only: WAF reads the answer too, so a client failing many sign-ins is caught.
                responseInspection: { statusCode: { successCodes: [200], failureCodes: [401, 429] } },
              },
            },
          ],
          scopeDownStatement: pathIs('/api/auth/sign-in'),
        }),
        managed('acfp-sign-up', 7, 'AWSManagedRulesACFPRuleSet', {
          managedRuleGroupConfigs: [
            {
              awsManagedRulesAcfpRuleSet: {
                creationPath: '/api/auth/sign-up',
                registrationPagePath: '/sign-up',
                requestInspection: { payloadType: 'JSON', emailField: { identifier: '/email' }, passwordField: { identifier: '/password' } },
                responseInspection: { statusCode: { successCodes: [201], failureCodes: [400, 409, 429] } },
              },
            },
          ],
          scopeDownStatement: pathIs('/api/auth/sign-up'),
        }),
      ],
    },
    opts,
  );

  // Logs: Firehose (in us-east-1, named aws-waf-logs-*) → the analytics lake bucket, gzipped, under waf/.
  const role = new aws.iam.Role('EdgeFirewallLogsRole', {
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'firehose.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  });
  new aws.iam.RolePolicy('EdgeFirewallLogsPolicy', {
    role: role.id,
    policy: $util.jsonStringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
          Resource: [input.logBucketArn, $interpolate`${input.logBucketArn}/waf/*`],
        },
      ],
    }),
  });
  const logs = new aws.kinesis.FirehoseDeliveryStream(
    'EdgeFirewallLogs',
    {
      name: `aws-waf-logs-storefront-${input.stage}`,
      destination: 'extended_s3',
      extendedS3Configuration: {
        roleArn: role.arn,
        bucketArn: input.logBucketArn,
        prefix: 'waf/dt=!{timestamp:yyyy-MM-dd}/',
        errorOutputPrefix: 'waf-errors/!{firehose:error-output-type}/',
        bufferingInterval: 300,
        bufferingSize: 5,
        compressionFormat: 'GZIP',
      },
    },
    opts,
  );
  new aws.wafv2.WebAclLoggingConfiguration(
    'EdgeFirewallLogging',
    {
      resourceArn: acl.arn,
      logDestinationConfigs: [logs.arn],
      // Session cookies and the password fields never reach the logs.
      redactedFields: [{ singleHeader: { name: 'cookie' } }, { singleHeader: { name: 'authorization' } }],
    },
    opts,
  );
  return acl;
}
