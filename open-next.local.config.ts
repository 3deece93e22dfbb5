// OpenNext build for a local or CI run of the Lambda package (scripts/lambda-package-test.ts): the same server
// function as open-next.config.ts, but its incremental and tag caches live on the file system (`fs-dev`) and
// revalidation runs in-process, so it needs no S3, DynamoDB cache table or SQS (the S3 default logs
// `Region is missing` off AWS). Buffered `aws-lambda` wrapper: the test reads whole API Gateway v2 results.
import type { OpenNextConfig } from '@opennextjs/aws/types/open-next';

const config = {
  default: {
    override: {
      // OpenNext's buffered aws-lambda wrapper plus the catalog pages' hash CSP and cache header (ADR 0006).
      wrapper: () => import('./infra/open-next/catalog-page-wrapper').then((m) => m.default),
      converter: 'aws-apigw-v2',
      // 'use cache' entries and tag expiry in the app's Redis, as next-cache-handler.mjs keeps them (ADR 0022);
      // prerendered pages stay in fs-dev.
      incrementalCache: () =>
        import('./infra/open-next/redis-cache').then((m) => m.redisComposableCache(() => import('@opennextjs/aws/overrides/incrementalCache/fs-dev.js'))),
      tagCache: () => import('./infra/open-next/redis-cache').then((m) => m.redisTagCache),
      queue: 'direct',
    },
  },
  imageOptimization: {
    // Host platform sharp: the package test does not exercise the image optimizer.
    loader: 'fs-dev',
  },
} satisfies OpenNextConfig;

export default config;
