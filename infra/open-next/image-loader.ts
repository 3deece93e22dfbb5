// The image optimiser's source on AWS (open-next.config.ts `imageOptimization.loader`). Marketers' uploads
// (/images/uploads/<key>, server/catalog/images/uploads.ts) are read from the ProductImages bucket
// (PRODUCT_IMAGES_BUCKET, set on the optimiser function by sst.config.ts), with the key under the path; anything
// else goes to OpenNext's own S3 loader (the site's assets bucket), as before.
import type { Readable } from 'node:stream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ImageLoader } from '@opennextjs/aws/types/overrides';

const UPLOADS = '/images/uploads/';

let client: S3Client | undefined;

/** '/images/uploads/products/p1/uuid?x' → 'products/p1/uuid'; null for any other path or one that leaves the prefix. */
export function uploadKeyOf(url: string): string | null {
  const path = url.split('?')[0] ?? '';
  if (!path.startsWith(UPLOADS)) return null;
  const key = decodeURIComponent(path.slice(UPLOADS.length));
  return key && !key.split('/').some((part) => part === '' || part === '.' || part === '..') ? key : null;
}

export function uploadsLoader(fallback: () => Promise<ImageLoader>): ImageLoader {
  return {
    name: 'product-uploads',
    load: async (url) => {
      const key = uploadKeyOf(url);
      if (key === null) return (await fallback()).load(url);
      const Bucket = process.env.PRODUCT_IMAGES_BUCKET;
      if (!Bucket) throw new Error('PRODUCT_IMAGES_BUCKET is not set on the image optimiser');
      client ??= new S3Client({});
      const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      if (!out.Body) throw new Error(`No body for ${key}`);
      return { body: out.Body as Readable, contentType: out.ContentType, cacheControl: out.CacheControl ?? 'public, max-age=31536000, immutable' };
    },
  };
}
