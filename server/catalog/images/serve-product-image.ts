import { AppError } from '../../platform/errors';
import { semaphore, ttlMemo } from '../../platform/runtime';
import { getProductImagePaths } from '../product-repository';
import { PRODUCT_IMAGE_BASE, parseProductImageFileName } from './product-image-name';
import { renderProductImagePng } from './render-product-image';

// GET /images/products/[file] (issue 30 L9). The artwork is drawn from the name alone, so without these checks any
// invented name was a fresh sharp render (CPU) and a fresh CDN cache key. Now:
//   1. the name must be one the generator could have written (400 otherwise);
//   2. a product must exist and list exactly this path among its images (404 otherwise): one GetItem, memoised
//      briefly (a miss too, so the same invented name repeated costs one read a minute);
//   3. renders are memoised (lru-cache, at most RENDERED_MAX images, ~50 KB each), one render per name however many
//      ask at once;
//   4. at most RENDER_ACTIVE renders run in this process and RENDER_QUEUED wait; beyond, 503 UNAVAILABLE with
//      Retry-After (server/platform/runtime/semaphore.ts), nothing rendered.

const RENDER_ACTIVE = 2;
const RENDER_QUEUED = 8;
const RENDERED_MAX = 300;
const RENDERED_TTL_MS = 60 * 60_000;
const LISTED_TTL_MS = 60_000;
const RETRY_AFTER_SECONDS = 1;

const listedImages = ttlMemo('product-image-listing', { ttlMs: LISTED_TTL_MS, max: 2_000 });
const rendered = ttlMemo('product-image-png', { ttlMs: RENDERED_TTL_MS, max: RENDERED_MAX });
const renders = semaphore('product-image-render', { active: RENDER_ACTIVE, queued: RENDER_QUEUED });

export const PRODUCT_IMAGE_NAME_HINT =
  'Product image names look like <category>.<productId>.<n>.png or <category>.<productId>.<colour>.<n>.png, for example running-shoes.p-1a2b3c4d5e6f7a8b.teal.1.png.';

/** The PNG for an image file name a product lists; AppError 400, 404 or 503 (with Retry-After) otherwise. */
export async function productImagePng(file: string): Promise<Buffer> {
  const spec = parseProductImageFileName(file);
  if (!spec) throw new AppError('BAD_REQUEST', PRODUCT_IMAGE_NAME_HINT);
  const listed = await listedImages.get(spec.productId, () => getProductImagePaths(spec.productId));
  if (!listed?.includes(`${PRODUCT_IMAGE_BASE}${file}`)) throw new AppError('NOT_FOUND', 'There is no such product image.');
  return rendered.get(file, async () => {
    const out = await renders.run(() => renderProductImagePng(spec));
    if (!out) {
      throw new AppError('UNAVAILABLE', 'Too many product images are being drawn right now; try again in a moment.', {
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      });
    }
    return out.value;
  });
}

/** Tests: forget memoised listings and renders. */
export function resetProductImageCachesForTests(): void {
  listedImages.clear();
  rendered.clear();
}
