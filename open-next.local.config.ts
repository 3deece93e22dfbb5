// OpenNext build for a local or CI run of the Lambda package (scripts/lambda-package-test.ts): the same server
// function as open-next.config.ts, but its incremental and tag caches live on the file system (`fs-dev`) and
// revalidation runs in-process, so it needs no S3, DynamoDB cache table or SQS (the S3 default logs
// `Region is missing` off AWS). Buffered `aws-lambda` wrapper: the test reads whole API Gateway v2 results.
import type { OpenNextConfig } from '@opennextjs/aws/types/open-next';

const config = {
  default: {
    override: {
      wrapper: 'aws-lambda',
      converter: 'aws-apigw-v2',
      incrementalCache: 'fs-dev',
      tagCache: 'fs-dev',
      queue: 'direct',
    },
  },
  imageOptimization: {
    // Host platform sharp: the package test does not exercise the image optimizer.
    loader: 'fs-dev',
  },
} satisfies OpenNextConfig;

export default config;
