import { getConfig } from '.';

// The origin marketers' browsers post product images to (a presigned S3 POST, server/catalog/images/uploads.ts): the
// CSP's connect-src allows it, like the payment fields' origin. Locally fauxqs's S3 (path-style, S3_ENDPOINT); on
// AWS the bucket's virtual-hosted endpoint. Free of 'server-only' for the same reason as payment-fields-origin.ts.
export function imageUploadOrigin(): string | null {
  const { PRODUCT_IMAGES_BUCKET, S3_ENDPOINT, AWS_REGION } = getConfig();
  if (!PRODUCT_IMAGES_BUCKET) return null;
  if (S3_ENDPOINT) return new URL(S3_ENDPOINT).origin;
  return `https://${PRODUCT_IMAGES_BUCKET}.s3.${AWS_REGION}.amazonaws.com`;
}
