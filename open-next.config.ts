// OpenNext build configuration for AWS (sst.config.ts builds with it: `npx open-next build`).
// One server function (middleware bundled inside it, on Node, as middleware.ts declares `runtime: 'nodejs'`),
// S3 incremental cache and DynamoDB tag cache provisioned by sst.aws.Nextjs, and an image optimizer whose
// sharp binary matches the arm64 function SST deploys it as.
// The local/CI variant, with file-system caches, is open-next.local.config.ts.
import type { OpenNextConfig } from '@opennextjs/aws/types/open-next';

// Keep in step with the `sharp` dependency in package.json.
const SHARP = 'sharp@0.35.5';

const config = {
  default: {
    override: {
      // OpenNext's buffered aws-lambda wrapper plus the catalog pages' hash CSP and cache header (ADR 0006).
      wrapper: () => import('./infra/open-next/catalog-page-wrapper').then((m) => m.default),
      converter: 'aws-apigw-v2',
      // 'use cache' entries and tag expiry in the app's Redis, as next-cache-handler.mjs keeps them (ADR 0022);
      // prerendered pages stay in S3.
      incrementalCache: () =>
        import('./infra/open-next/redis-cache').then((m) => m.redisComposableCache(() => import('@opennextjs/aws/overrides/incrementalCache/s3.js'))),
      tagCache: () => import('./infra/open-next/redis-cache').then((m) => m.redisTagCache),
      queue: 'sqs',
    },
  },
  imageOptimization: {
    // Marketers' uploads (/images/uploads/*) from the ProductImages bucket; everything else from the assets bucket.
    loader: () =>
      import('./infra/open-next/image-loader').then((m) => m.uploadsLoader(() => import('@opennextjs/aws/overrides/imageLoader/s3.js').then((l) => l.default))),
    // sst.aws.Nextjs deploys the image optimizer as an arm64 Lambda. npm 11 ignores `--arch`, so `--cpu` is what
    // actually selects the linux-arm64 sharp binary (FIELD-NOTES).
    install: {
      packages: [SHARP],
      arch: 'arm64',
      os: 'linux',
      libc: 'glibc',
      nodeVersion: '22',
      additionalArgs: '--cpu=arm64',
    },
  },
} satisfies OpenNextConfig;

export default config;
