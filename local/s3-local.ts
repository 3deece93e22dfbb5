import { BucketAlreadyOwnedByYou, CreateBucketCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../server/platform/aws/clients';

// The search snapshot bucket on fauxqs's S3 (same process and port as its SQS and SNS; path-style addressing,
// server/platform/aws/clients.ts). fauxqs keeps objects in memory here (local/sqs-local.ts), so a restart of the stack starts
// without a snapshot: the in-process products stream consumer reads the table in full at startup anyway and writes
// the first snapshot right after (docs/search.md).

/** A valid bucket name from the table prefix: lower case, letters, digits and dashes. */
export function snapshotBucketName(prefix: string, name = 'search-snapshots'): string {
  const base = `${prefix}${name}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return base.slice(0, 63).replace(/-$/, '');
}

/** Creates the bucket if missing (fauxqs answers an existing bucket like a new one; S3 says it is already ours). */
export async function provisionSnapshotBucket(prefix: string): Promise<{ SEARCH_SNAPSHOT_BUCKET: string }> {
  const Bucket = snapshotBucketName(prefix);
  try {
    await s3Client().send(new CreateBucketCommand({ Bucket }));
  } catch (err) {
    if (!(err instanceof BucketAlreadyOwnedByYou)) throw err;
  }
  return { SEARCH_SNAPSHOT_BUCKET: Bucket };
}

/** The bucket marketers' product images are uploaded to (presigned POST from the browser). */
export async function provisionProductImagesBucket(prefix: string): Promise<{ PRODUCT_IMAGES_BUCKET: string }> {
  const Bucket = snapshotBucketName(prefix, 'product-images');
  try {
    await s3Client().send(new CreateBucketCommand({ Bucket }));
  } catch (err) {
    if (!(err instanceof BucketAlreadyOwnedByYou)) throw err;
  }
  return { PRODUCT_IMAGES_BUCKET: Bucket };
}
