import { readUploadedImage } from '@/server/catalog';
import { AppError } from '@/server/platform/errors';
import { route } from '@/server/platform/http/respond';

// Marketers' uploaded product images, from the bucket. Keys are fresh UUIDs (a key never changes content), so the
// answer caches forever; pages show them through next/image, which fetches this path (next.config.mjs
// localPatterns). On AWS CloudFront serves /images/uploads/* from the bucket in front of this.
export const GET = route<{ params: Promise<{ key: string[] }> }>(async (_req, { params }) => {
  const image = await readUploadedImage((await params).key.join('/'));
  if (!image) throw new AppError('NOT_FOUND', 'There is no such image.');
  return new Response(new Uint8Array(image.body), {
    headers: {
      'Content-Type': image.contentType,
      'Content-Length': String(image.body.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
});
