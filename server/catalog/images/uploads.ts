import { createHash, randomUUID } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { s3Client } from '../../platform/aws/clients';
import { getConfig } from '../../platform/config';
import { AppError } from '../../platform/errors';

// Marketers' product images (API.md "Back office"). The browser posts the file straight to S3 with a presigned POST
// (the shop never carries the bytes); the policy caps the size and the type. Attaching (PATCH images) reads the
// object back and checks it really is a JPEG, PNG or WebP of a usable size before the product shows it: the
// browser's own checks are a courtesy, a script can post anything the policy allows. Keys are fresh UUIDs under
// the product's prefix, so an image URL never changes content and caches forever. Shoppers get them through
// /images/uploads/<key> and the image optimiser (CloudFront in front on AWS).

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MIN_IMAGE_SIDE = 400;
export const MAX_IMAGE_SIDE = 6000;
export const UPLOADED_IMAGE_PATH = '/images/uploads/';
const PRESIGN_SECONDS = 600;

const KEY_PATTERN = /^products\/([A-Za-z0-9_-]{1,64})\/([0-9a-f-]{36})$/;

/** The key of an uploaded image of product `productId`, or null if `key` is not one. */
export function isUploadedImageKey(key: string, productId: string): boolean {
  const m = KEY_PATTERN.exec(key);
  return m !== null && m[1] === productId;
}

export function uploadedImagePath(key: string): string {
  return `${UPLOADED_IMAGE_PATH}${key}`;
}

function bucket(): string {
  const name = getConfig().PRODUCT_IMAGES_BUCKET;
  if (!name) throw new AppError('UNAVAILABLE', 'Image uploads are not configured here (no PRODUCT_IMAGES_BUCKET).');
  return name;
}

export async function presignProductImageUpload(productId: string): Promise<{ upload: { url: string; fields: Record<string, string> }; key: string }> {
  const key = `products/${productId}/${randomUUID()}`;
  const { url, fields } = await createPresignedPost(s3Client(), {
    Bucket: bucket(),
    Key: key,
    Conditions: [
      ['content-length-range', 1, MAX_IMAGE_BYTES],
      ['starts-with', '$Content-Type', 'image/'],
    ],
    Fields: { 'Cache-Control': 'public, max-age=31536000, immutable' },
    Expires: PRESIGN_SECONDS,
  });
  return { upload: { url, fields }, key };
}

function refused(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { details: [{ path: 'images', message }] });
}

/** Throws a 400 unless `key` holds an image this shop will show: type, size and dimensions, read from the bytes. */
export async function assertUsableUploadedImage(key: string): Promise<void> {
  const Bucket = bucket();
  try {
    const head = await s3Client().send(new HeadObjectCommand({ Bucket, Key: key }));
    if ((head.ContentLength ?? 0) > MAX_IMAGE_BYTES) throw refused(`The image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  } catch (err) {
    if (err instanceof NotFound || err instanceof NoSuchKey || (err as { name?: string }).name === 'NotFound') {
      throw refused('That image was not uploaded (or the upload did not finish). Upload it again.');
    }
    throw err;
  }
  const out = await s3Client().send(new GetObjectCommand({ Bucket, Key: key }));
  await usableImageType(Buffer.from(await out.Body!.transformToByteArray()));
}

/** The content type of bytes that are a JPEG, PNG or WebP of a usable size; a 400 naming the problem otherwise. */
async function usableImageType(bytes: Buffer): Promise<(typeof IMAGE_TYPES)[number]> {
  if (bytes.length > MAX_IMAGE_BYTES) throw refused(`The image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  // Loaded on use: OpenNext leaves sharp out of the server function, and a top-level import fails every route there.
  const { default: sharp } = await import('sharp');
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => null);
  const format = meta?.format;
  if (!meta || (format !== 'jpeg' && format !== 'png' && format !== 'webp')) throw refused('The file is not a JPEG, PNG or WebP image.');
  const { width = 0, height = 0 } = meta;
  if (Math.min(width, height) < MIN_IMAGE_SIDE) throw refused(`The image is ${width} × ${height}; each side must be at least ${MIN_IMAGE_SIDE} pixels.`);
  if (Math.max(width, height) > MAX_IMAGE_SIDE) throw refused(`The image is ${width} × ${height}; each side must be at most ${MAX_IMAGE_SIDE} pixels.`);
  return `image/${format}`;
}

/**
 * Stores an image a catalogue import brought (a file or a URL's bytes) as an upload of `productId`, after the same
 * checks as a marketer's upload, and answers its site path. The key is named by the bytes' SHA-256 (shaped like the
 * UUIDs of uploads), so importing the same picture again writes nothing new and the product's path stays the same.
 */
export async function storeImportedImage(productId: string, bytes: Uint8Array): Promise<string> {
  const body = Buffer.from(bytes);
  const contentType = await usableImageType(body);
  const hex = createHash('sha256').update(body).digest('hex');
  const key = `products/${productId}/${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  if (!isUploadedImageKey(key, productId)) throw refused(`Product id ${productId} cannot name an image key.`);
  const Bucket = bucket();
  const exists = await s3Client()
    .send(new HeadObjectCommand({ Bucket, Key: key }))
    .then(() => true)
    .catch((err: { name?: string }) => {
      if (err instanceof NotFound || err.name === 'NotFound' || err instanceof NoSuchKey) return false;
      throw err;
    });
  if (!exists) {
    await s3Client().send(
      new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType, CacheControl: 'public, max-age=31536000, immutable' }),
    );
  }
  return uploadedImagePath(key);
}

/** The bytes and type of an uploaded image, or null when there is no such object. */
export async function readUploadedImage(key: string): Promise<{ body: Uint8Array; contentType: string } | null> {
  if (!KEY_PATTERN.test(key)) return null;
  try {
    const out = await s3Client().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
    const contentType = out.ContentType ?? '';
    // Only what attaching accepts is served as an image: a stray object is never served as HTML.
    if (!(IMAGE_TYPES as readonly string[]).includes(contentType)) return null;
    return { body: await out.Body!.transformToByteArray(), contentType };
  } catch (err) {
    if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return null;
    throw err;
  }
}
